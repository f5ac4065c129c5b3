package dev.clickstream.listener.snapshot;

import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import dev.clickstream.kafka.ClickstreamTopics;
import dev.clickstream.model.AllTimeFigures;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the all-time figures to the single partition of their topic, inside the publisher's transaction, next to
 * the snapshot of the same counts.
 */
@Component
class AllTimeWriter {

	private final KafkaTemplate<String, byte[]> kafkaTemplate;

	private final ObjectWriter writer;

	/** The topic is compacted, which takes keyed records only; one key, so compaction keeps the newest figures. */
	static final String KEY = "all-time";

	private final String topic;

	AllTimeWriter(KafkaTemplate<String, byte[]> kafkaTemplate, JsonMapper jsonMapper, ClickstreamTopics topics) {
		this.kafkaTemplate = kafkaTemplate;
		this.writer = jsonMapper.writerFor(AllTimeFigures.class);
		this.topic = topics.allTime().name();
	}

	void write(AllTimeFigures figures) {
		this.kafkaTemplate.send(this.topic, 0, KEY, this.writer.writeValueAsBytes(figures));
	}

}
