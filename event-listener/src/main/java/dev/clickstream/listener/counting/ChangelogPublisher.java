package dev.clickstream.listener.counting;

import java.util.OptionalLong;

import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes a partition's counts to the same-numbered partition of the changelog, inside the listener's transaction.
 * The record's timestamp is that of the oldest event newly counted, so that whoever turns the counts into a snapshot
 * can tell how long the events took to get there.
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

	void publish(PartitionCounts counts, OptionalLong oldestEventTimestamp) {
		Long timestamp = oldestEventTimestamp.isPresent() ? oldestEventTimestamp.getAsLong() : null;
		// Keyed by partition so compaction keeps exactly the newest counts of each partition.
		this.kafkaTemplate.send(new ProducerRecord<>(this.changelogTopic, counts.partition(), timestamp,
				String.valueOf(counts.partition()), this.writer.writeValueAsBytes(counts)));
	}

}
