package dev.clickstream.dashboard.topics;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One record of a topic as the browser shows it, its bytes read as UTF-8 text.
 *
 * @param topic the topic
 * @param partition its partition
 * @param offset its offset
 * @param timestamp its timestamp (the producer's, or the broker's for a topic with log-append time)
 * @param key its key, or null
 * @param value its value, null for a tombstone; cut after {@code clickstream.dashboard.browser.max-value-chars}
 * characters in lists
 * @param truncated whether {@code value} was cut
 * @param valueBytes the whole value's size in bytes
 * @param headers each header's value as text, by name; the last one where a name repeats
 */
record TopicRecord(String topic, int partition, long offset, Instant timestamp, @Nullable String key,
		@Nullable String value, boolean truncated, int valueBytes, Map<String, @Nullable String> headers) {
}
