package dev.clickstream.listener.counting;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.clickstream.kafka.ClickstreamTopics;
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

	static final String REASON = "dlt.reason";

	static final String DETAIL = "dlt.detail";

	static final String ORIGINAL_TOPIC = "dlt.original.topic";

	static final String ORIGINAL_PARTITION = "dlt.original.partition";

	static final String ORIGINAL_OFFSET = "dlt.original.offset";

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
		ProducerRecord<String, byte[]> deadLetter = new ProducerRecord<>(this.deadLetterTopic, record.partition(),
				record.key(), record.value());
		Headers headers = deadLetter.headers();
		for (Header header : record.headers()) {
			headers.add(header);
		}
		headers.add(REASON, utf8(reason.tag()));
		headers.add(DETAIL, utf8(detail));
		headers.add(ORIGINAL_TOPIC, utf8(record.topic()));
		headers.add(ORIGINAL_PARTITION, utf8(String.valueOf(record.partition())));
		headers.add(ORIGINAL_OFFSET, utf8(String.valueOf(record.offset())));
		this.kafkaTemplate.send(deadLetter);
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
