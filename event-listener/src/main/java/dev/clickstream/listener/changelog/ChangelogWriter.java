package dev.clickstream.listener.changelog;

import java.util.OptionalLong;

import org.apache.kafka.clients.producer.ProducerRecord;

import dev.clickstream.kafka.ClickstreamTopics;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes a partition's state to the same-numbered partition of the changelog, inside the caller's transaction. The
 * record's timestamp is that of the oldest event newly counted, so that whoever turns the counts into a snapshot can
 * tell how long the events took to get there. Checkpoints, the state with its sketches, go to the same-numbered
 * partition of the checkpoints topic.
 */
@Component
public class ChangelogWriter {

	private final KafkaTemplate<String, byte[]> kafkaTemplate;

	private final ChangelogFormat format;

	private final String topic;

	private final String checkpointsTopic;

	ChangelogWriter(KafkaTemplate<String, byte[]> kafkaTemplate, ChangelogFormat format, ClickstreamTopics topics) {
		this.kafkaTemplate = kafkaTemplate;
		this.format = format;
		this.topic = topics.changelog().name();
		this.checkpointsTopic = topics.checkpoints().name();
	}

	public void write(PartitionState state, OptionalLong oldestEventTimestamp) {
		Long timestamp = oldestEventTimestamp.isPresent() ? oldestEventTimestamp.getAsLong() : null;
		// Keyed by partition so compaction keeps exactly the newest state of each partition.
		this.kafkaTemplate.send(new ProducerRecord<>(this.topic, state.partition(), timestamp,
				String.valueOf(state.partition()), this.format.write(state)));
	}

	public void checkpoint(PartitionState checkpoint) {
		this.kafkaTemplate.send(new ProducerRecord<>(this.checkpointsTopic, checkpoint.partition(),
				String.valueOf(checkpoint.partition()), this.format.write(checkpoint)));
	}

}
