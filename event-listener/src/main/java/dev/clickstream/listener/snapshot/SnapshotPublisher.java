package dev.clickstream.listener.snapshot;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import dev.clickstream.kafka.ClickstreamTopics;
import dev.clickstream.model.CountsSnapshot;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes a snapshot to the single partition of the snapshot topic, inside the publisher's transaction.
 */
@Component
class SnapshotPublisher {

	private final KafkaTemplate<String, byte[]> kafkaTemplate;

	private final ObjectWriter writer;

	private final String topic;

	private final Counter published;

	SnapshotPublisher(KafkaTemplate<String, byte[]> kafkaTemplate, JsonMapper jsonMapper, ClickstreamTopics topics,
			MeterRegistry registry) {
		this.kafkaTemplate = kafkaTemplate;
		this.writer = jsonMapper.writerFor(CountsSnapshot.class);
		this.topic = topics.uniqueEvents().name();
		this.published = Counter.builder("clickstream.snapshots.published")
			.description("Counts snapshots committed to the snapshot topic")
			.register(registry);
	}

	void publish(CountsSnapshot snapshot) {
		this.kafkaTemplate.send(this.topic, 0, null, this.writer.writeValueAsBytes(snapshot));
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				SnapshotPublisher.this.published.increment();
			}
		});
	}

}
