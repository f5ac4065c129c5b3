package dev.clickstream.listener.counting;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.clickstream.kafka.ClickstreamTopics;
import dev.clickstream.kafka.SideTopicHeaders;
import dev.clickstream.model.InvalidClickEventException.Reason;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends a record that is not a click event, unchanged, to the same partition of the dead-letter topic, inside the
 * counting transaction: it lands there exactly once, and only if the batch commits. Headers say why and where from,
 * as text, so any client can read them.
 */
@Component
class DeadLetterWriter {

	private static final Logger logger = LoggerFactory.getLogger(DeadLetterWriter.class);

	private final KafkaTemplate<String, byte[]> kafkaTemplate;

	private final String deadLetterTopic;

	DeadLetterWriter(KafkaTemplate<String, byte[]> kafkaTemplate, ClickstreamTopics topics) {
		this.kafkaTemplate = kafkaTemplate;
		this.deadLetterTopic = topics.deadLetterName();
	}

	void write(ConsumerRecord<String, byte[]> record, Reason reason, String detail) {
		logger.warn("Dead-lettered topic={} partition={} offset={} key={}: {} ({})", record.topic(),
				record.partition(), record.offset(), record.key(), reason.tag(), detail);
		Map<String, String> why = new LinkedHashMap<>();
		why.put(SideTopicHeaders.DEAD_LETTER_REASON, reason.tag());
		why.put(SideTopicHeaders.DEAD_LETTER_DETAIL, detail);
		this.kafkaTemplate.send(SideTopicCopy.of(record, this.deadLetterTopic, SideTopicHeaders.DEAD_LETTERS, why));
	}

}
