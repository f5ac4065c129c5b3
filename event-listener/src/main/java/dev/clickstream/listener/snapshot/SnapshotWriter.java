package dev.clickstream.listener.snapshot;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import dev.clickstream.kafka.ClickstreamTopics;
import dev.clickstream.model.CountsSnapshot;
import dev.clickstream.model.MetricNames;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes a snapshot to the single partition of the snapshot topic, inside the publisher's transaction.
 */
@Component
class SnapshotWriter {

	private final KafkaTemplate<String, byte[]> kafkaTemplate;

	private final ObjectWriter writer;

	private final String topic;

	private final Counter published;

	private final Timer latency;

	SnapshotWriter(KafkaTemplate<String, byte[]> kafkaTemplate, JsonMapper jsonMapper, ClickstreamTopics topics,
			MeterRegistry registry) {
		this.kafkaTemplate = kafkaTemplate;
		this.writer = jsonMapper.writerFor(CountsSnapshot.class);
		this.topic = topics.uniqueEvents().name();
		this.published = Counter.builder(MetricNames.SNAPSHOTS_PUBLISHED)
			.description("Counts snapshots committed to the snapshot topic")
			.register(registry);
		this.latency = Timer.builder(MetricNames.EVENTS_LATENCY)
			.description("From the oldest event of a counted batch (its record timestamp) to the commit of the first "
					+ "snapshot that includes it")
			.publishPercentiles(0.5, 0.95, 0.99)
			.publishPercentileHistogram()
			.register(registry);
	}

	/**
	 * @param includedEventTimestamps the record timestamps of the oldest events this snapshot is the first to include
	 */
	void write(CountsSnapshot snapshot, List<Long> includedEventTimestamps) {
		this.kafkaTemplate.send(this.topic, 0, null, this.writer.writeValueAsBytes(snapshot));
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				SnapshotWriter.this.published.increment();
				long now = System.currentTimeMillis();
				includedEventTimestamps.forEach(timestamp -> SnapshotWriter.this.latency
					.record(Duration.ofMillis(Math.max(0, now - timestamp))));
			}
		});
	}

}
