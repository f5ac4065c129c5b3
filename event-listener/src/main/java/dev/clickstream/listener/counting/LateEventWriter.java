package dev.clickstream.listener.counting;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import dev.clickstream.kafka.ClickstreamTopics;
import dev.clickstream.model.SeedTime;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Copies an event that came after its window had closed, unchanged, to the same partition of the late-events topic,
 * inside the counting transaction: it lands there exactly once, and only if the batch commits. Headers say which
 * window it missed, how late it was and where it came from, as text.
 */
@Component
class LateEventWriter {

	static final String WINDOW_START = "late.window.start";

	static final String LATENESS_SECONDS = "late.lateness.seconds";

	static final String ORIGINAL_TOPIC = "late.original.topic";

	static final String ORIGINAL_PARTITION = "late.original.partition";

	static final String ORIGINAL_OFFSET = "late.original.offset";

	private final KafkaTemplate<String, byte[]> kafkaTemplate;

	private final String lateEventsTopic;

	LateEventWriter(KafkaTemplate<String, byte[]> kafkaTemplate, ClickstreamTopics topics) {
		this.kafkaTemplate = kafkaTemplate;
		this.lateEventsTopic = topics.lateEventsName();
	}

	void write(ConsumerRecord<String, byte[]> record, long windowStart, long latenessSeconds) {
		ProducerRecord<String, byte[]> late = new ProducerRecord<>(this.lateEventsTopic, record.partition(),
				record.key(), record.value());
		Headers headers = late.headers();
		for (Header header : record.headers()) {
			headers.add(header);
		}
		headers.add(WINDOW_START, utf8(SeedTime.format(Instant.ofEpochSecond(windowStart))));
		headers.add(LATENESS_SECONDS, utf8(String.valueOf(latenessSeconds)));
		headers.add(ORIGINAL_TOPIC, utf8(record.topic()));
		headers.add(ORIGINAL_PARTITION, utf8(String.valueOf(record.partition())));
		headers.add(ORIGINAL_OFFSET, utf8(String.valueOf(record.offset())));
		this.kafkaTemplate.send(late);
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
