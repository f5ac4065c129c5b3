package dev.clickstream.listener.windows;

import java.time.Instant;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import dev.clickstream.kafka.ClickstreamTopics;
import dev.clickstream.model.MetricNames;
import dev.clickstream.model.SeedTime;
import dev.clickstream.model.WindowResult;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes window results to the results topic, keyed by the window's start, inside the publisher's transaction; and
 * deletes the records of windows past the retention, there and on the window changelog.
 */
class WindowResultWriter {

	private static final byte[] NOTHING = new byte[0];

	private final KafkaTemplate<String, byte[]> kafkaTemplate;

	private final JsonMapper json;

	private final String topic;

	private final Counter running;

	private final Counter finals;

	WindowResultWriter(KafkaTemplate<String, byte[]> kafkaTemplate, JsonMapper json, ClickstreamTopics topics,
			MeterRegistry registry) {
		this.kafkaTemplate = kafkaTemplate;
		this.json = json;
		this.topic = topics.windowResults().name();
		this.running = published(registry, false);
		this.finals = published(registry, true);
	}

	void write(WindowResult result) {
		this.kafkaTemplate.send(this.topic, 0, SeedTime.format(result.windowStart()), result.toJson(this.json));
		Counter published = result.isFinal() ? this.finals : this.running;
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				published.increment();
			}
		});
	}

	/** Deletes a window's result and every partition's counts of it: compaction then drops them. */
	void forget(long start, String changelog, int partitions) {
		String key = SeedTime.format(Instant.ofEpochSecond(start));
		this.kafkaTemplate.send(this.topic, 0, key, null);
		for (int partition = 0; partition < partitions; partition++) {
			this.kafkaTemplate.send(changelog, partition, key, null);
		}
	}

	/** A record that only wakes the publisher, outside any listener transaction. */
	void tick(String changelog) {
		this.kafkaTemplate.executeInTransaction(template -> template.send(changelog, 0, WindowsRestore.TICK, NOTHING));
	}

	private static Counter published(MeterRegistry registry, boolean isFinal) {
		return Counter.builder(MetricNames.WINDOWS_PUBLISHED)
			.description("Window results committed to the results topic, running and final")
			.tag("final", Boolean.toString(isFinal))
			.register(registry);
	}

}
