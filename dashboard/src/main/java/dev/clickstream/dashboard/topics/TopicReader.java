package dev.clickstream.dashboard.topics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;

import dev.clickstream.dashboard.topics.NewestRecords.Range;

/**
 * Reads records of a topic as any reader would, read_committed, each read with a consumer no other read uses at the
 * same time. Each read ends within its timeout, or fails with Kafka's {@link TimeoutException}.
 */
final class TopicReader {

	/** How far back from a partition's end a read of the newest records goes at most, in limits. */
	static final int MAX_SPAN_FACTOR = 16;

	private static final Duration POLL = Duration.ofMillis(100);

	private final BrowserConsumers consumers;

	private final int maxValueChars;

	private final Duration timeout;

	TopicReader(BrowserConsumers consumers, int maxValueChars, Duration timeout) {
		this.consumers = consumers;
		this.maxValueChars = maxValueChars;
		this.timeout = timeout;
	}

	/** The newest {@code limit} records over the topic's partitions, newest first, values cut. */
	List<TopicRecord> newest(String topic, int partitions, int limit) {
		long deadline = System.nanoTime() + this.timeout.toNanos();
		return this.consumers.read(consumer -> {
			List<TopicPartition> assigned = IntStream.range(0, partitions)
				.mapToObj(partition -> new TopicPartition(topic, partition))
				.toList();
			consumer.assign(assigned);
			Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(assigned, remaining(deadline));
			Map<TopicPartition, Long> ends = consumer.endOffsets(assigned, remaining(deadline));
			NewestRecords newest = new NewestRecords(limit, MAX_SPAN_FACTOR);
			assigned.forEach(partition -> newest.partition(partition.partition(), beginnings.get(partition),
					ends.get(partition)));
			for (List<Range> ranges = newest.nextRanges(); !ranges.isEmpty(); ranges = newest.nextRanges()) {
				read(consumer, topic, ranges, deadline).forEach(newest::took);
			}
			return newest.newest();
		});
	}

	/**
	 * The record at this offset, value whole; none if there is none a read_committed reader sees: deleted by
	 * retention or compaction, aborted, a transaction marker, or not written yet.
	 */
	Optional<TopicRecord> record(String topic, int partition, long offset) {
		long deadline = System.nanoTime() + this.timeout.toNanos();
		TopicPartition topicPartition = new TopicPartition(topic, partition);
		return this.consumers.read(consumer -> {
			consumer.assign(List.of(topicPartition));
			long beginning = consumer.beginningOffsets(List.of(topicPartition), remaining(deadline)).get(topicPartition);
			long end = consumer.endOffsets(List.of(topicPartition), remaining(deadline)).get(topicPartition);
			if (offset < beginning || offset >= end) {
				return Optional.empty();
			}
			consumer.seek(topicPartition, offset);
			while (true) {
				requireTime(deadline, topicPartition + " at offset " + offset);
				List<ConsumerRecord<String, byte[]>> records = consumer.poll(POLL).records(topicPartition);
				if (!records.isEmpty()) {
					// The first record read from this offset is the one there, or a later one if it has none.
					ConsumerRecord<String, byte[]> first = records.get(0);
					return (first.offset() == offset) ? Optional.of(view(first, Integer.MAX_VALUE)) : Optional.empty();
				}
				if (consumer.position(topicPartition, remaining(deadline)) > offset) {
					return Optional.empty();
				}
			}
		});
	}

	/** Reads each range to its end; the records found, in offset order, by partition. */
	private Map<Integer, List<TopicRecord>> read(Consumer<String, byte[]> consumer, String topic, List<Range> ranges,
			long deadline) {
		Map<TopicPartition, Range> reading = new HashMap<>();
		Map<Integer, List<TopicRecord>> found = new LinkedHashMap<>();
		consumer.pause(consumer.assignment());
		for (Range range : ranges) {
			TopicPartition partition = new TopicPartition(topic, range.partition());
			reading.put(partition, range);
			found.put(range.partition(), new ArrayList<>());
			consumer.seek(partition, range.from());
			consumer.resume(List.of(partition));
		}
		while (!reading.isEmpty()) {
			requireTime(deadline, topic);
			for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
				Range range = reading.get(new TopicPartition(record.topic(), record.partition()));
				// Past its range a partition is fetched on until it is paused; those records were read before.
				if (range != null && record.offset() >= range.from() && record.offset() < range.to()) {
					found.get(range.partition()).add(view(record, this.maxValueChars));
				}
			}
			reading.entrySet().removeIf(entry -> {
				boolean done = consumer.position(entry.getKey(), remaining(deadline)) >= entry.getValue().to();
				if (done) {
					consumer.pause(List.of(entry.getKey()));
				}
				return done;
			});
		}
		return found;
	}

	private void requireTime(long deadline, String what) {
		if (System.nanoTime() > deadline) {
			throw new TimeoutException("could not read " + what + " within " + this.timeout);
		}
	}

	private static Duration remaining(long deadline) {
		return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
	}

	private static TopicRecord view(ConsumerRecord<String, byte[]> record, int maxValueChars) {
		byte @Nullable [] value = record.value();
		RecordText.Cut cut = (value != null) ? RecordText.cut(value, maxValueChars) : null;
		Map<String, @Nullable String> headers = new LinkedHashMap<>();
		for (Header header : record.headers()) {
			headers.put(header.key(), RecordText.text(header.value()));
		}
		return new TopicRecord(record.topic(), record.partition(), record.offset(),
				Instant.ofEpochMilli(record.timestamp()), record.key(), (cut != null) ? cut.text() : null,
				cut != null && cut.truncated(), (value != null) ? value.length : 0, headers);
	}

}
