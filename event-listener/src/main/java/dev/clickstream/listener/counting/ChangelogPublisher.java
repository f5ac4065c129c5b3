package dev.clickstream.listener.counting;

import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes a partition's counts to the same-numbered partition of the changelog, inside the listener's transaction.
 */
@Component
class ChangelogPublisher {

	private final KafkaTemplate<String, byte[]> kafkaTemplate;

	private final ObjectWriter writer;

	private final String changelogTopic;

	ChangelogPublisher(KafkaTemplate<String, byte[]> kafkaTemplate, JsonMapper jsonMapper, CountingTopics topics) {
		this.kafkaTemplate = kafkaTemplate;
		this.writer = jsonMapper.writerFor(PartitionCounts.class);
		this.changelogTopic = topics.changelog().name();
	}

	void publish(PartitionCounts counts) {
		// Keyed by partition so compaction keeps exactly the newest counts of each partition.
		this.kafkaTemplate.send(this.changelogTopic, counts.partition(), String.valueOf(counts.partition()),
				this.writer.writeValueAsBytes(counts));
	}

}
