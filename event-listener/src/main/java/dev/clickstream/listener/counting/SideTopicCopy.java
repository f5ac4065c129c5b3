package dev.clickstream.listener.counting;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import dev.clickstream.kafka.SideTopicHeaders;

/**
 * A record of the event topic copied, unchanged, to the same partition of a side topic (dead letters, late events):
 * its own headers kept, then the given ones, then where it came from, all as UTF-8 text any client can read.
 */
final class SideTopicCopy {

	private SideTopicCopy() {
	}

	/**
	 * @param headerPrefix the side topic's prefix in {@link SideTopicHeaders}, for the origin headers
	 * @param headers headers to add, in order
	 */
	static ProducerRecord<String, byte[]> of(ConsumerRecord<String, byte[]> record, String topic, String headerPrefix,
			Map<String, String> headers) {
		ProducerRecord<String, byte[]> copy = new ProducerRecord<>(topic, record.partition(), record.key(),
				record.value());
		Headers copied = copy.headers();
		for (Header header : record.headers()) {
			copied.add(header);
		}
		headers.forEach((name, value) -> copied.add(name, utf8(value)));
		copied.add(SideTopicHeaders.originalTopic(headerPrefix), utf8(record.topic()));
		copied.add(SideTopicHeaders.originalPartition(headerPrefix), utf8(String.valueOf(record.partition())));
		copied.add(SideTopicHeaders.originalOffset(headerPrefix), utf8(String.valueOf(record.offset())));
		return copy;
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
