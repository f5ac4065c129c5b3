package dev.clickstream.listener.changelog;

import java.time.Instant;

import org.apache.kafka.clients.producer.ProducerRecord;

import dev.clickstream.kafka.ClickstreamTopics;
import dev.clickstream.model.SeedTime;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes a partition's counts of a window to the same-numbered partition of the window changelog, inside the
 * caller's transaction, keyed by the window's start: compaction keeps each partition's newest counts of each window.
 */
@Component
public class WindowChangelogWriter {

	private final KafkaTemplate<String, byte[]> kafkaTemplate;

	private final ChangelogFormat format;

	private final String topic;

	WindowChangelogWriter(KafkaTemplate<String, byte[]> kafkaTemplate, ChangelogFormat format,
			ClickstreamTopics topics) {
		this.kafkaTemplate = kafkaTemplate;
		this.format = format;
		this.topic = topics.windowChangelog().name();
	}

	public void write(PartitionWindow window) {
		this.kafkaTemplate.send(new ProducerRecord<>(this.topic, window.partition(),
				SeedTime.format(Instant.ofEpochSecond(window.start())), this.format.writeWindow(window)));
	}

}
