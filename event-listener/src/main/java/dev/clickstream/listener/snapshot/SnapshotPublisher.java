package dev.clickstream.listener.snapshot;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

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

	private final KafkaTemplate<String, CountsSnapshot> kafkaTemplate;

	private final String topic;

	private final Counter published;

	SnapshotPublisher(KafkaTemplate<String, CountsSnapshot> kafkaTemplate, ClickstreamTopics topics,
			MeterRegistry registry) {
		this.kafkaTemplate = kafkaTemplate;
		this.topic = topics.uniqueEvents().name();
		this.published = Counter.builder("clickstream.snapshots.published")
			.description("Counts snapshots committed to the snapshot topic")
			.register(registry);
	}

	void publish(CountsSnapshot snapshot) {
		this.kafkaTemplate.send(this.topic, 0, null, snapshot);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				SnapshotPublisher.this.published.increment();
			}
		});
	}

}
