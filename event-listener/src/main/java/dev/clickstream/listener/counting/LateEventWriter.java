package dev.clickstream.listener.counting;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import dev.clickstream.kafka.ClickstreamTopics;
import dev.clickstream.kafka.SideTopicHeaders;
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

	private final KafkaTemplate<String, byte[]> kafkaTemplate;

	private final String lateEventsTopic;

	LateEventWriter(KafkaTemplate<String, byte[]> kafkaTemplate, ClickstreamTopics topics) {
		this.kafkaTemplate = kafkaTemplate;
		this.lateEventsTopic = topics.lateEventsName();
	}

	void write(ConsumerRecord<String, byte[]> record, long windowStart, long latenessSeconds) {
		Map<String, String> which = new LinkedHashMap<>();
		which.put(SideTopicHeaders.LATE_WINDOW_START, SeedTime.format(Instant.ofEpochSecond(windowStart)));
		which.put(SideTopicHeaders.LATE_LATENESS_SECONDS, String.valueOf(latenessSeconds));
		this.kafkaTemplate.send(SideTopicCopy.of(record, this.lateEventsTopic, SideTopicHeaders.LATE_EVENTS, which));
	}

}
