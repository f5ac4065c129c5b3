package dev.clickstream.listener.windows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import dev.clickstream.kafka.ClickstreamTopics;
import dev.clickstream.kafka.ReadCommittedConsumers;
import dev.clickstream.listener.EventListenerProperties;
import dev.clickstream.listener.changelog.ChangelogFormat;
import dev.clickstream.listener.changelog.PartitionWindow;
import dev.clickstream.model.WindowResult;

/**
 * Rebuilds the publisher's book from what is committed: the newest counts of every window of every partition on the
 * window changelog, and the windows whose final result is on the results topic already. Both are compacted and hold
 * only the retained windows, so this reads O(partitions × retained windows) records.
 */
class WindowsRestore {

	/** The key of the records that only wake the publisher up. */
	static final String TICK = "tick";

	private static final Logger log = LoggerFactory.getLogger(WindowsRestore.class);

	private final ReadCommittedConsumers consumers;

	private final ChangelogFormat format;

	private final JsonMapper json;

	private final EventListenerProperties properties;

	private final String changelog;

	private final String results;

	private final int partitions;

	WindowsRestore(ReadCommittedConsumers consumers, ChangelogFormat format, JsonMapper json,
			ClickstreamTopics topics, EventListenerProperties properties) {
		this.consumers = consumers;
		this.format = format;
		this.json = json;
		this.properties = properties;
		this.changelog = topics.windowChangelog().name();
		this.results = topics.windowResults().name();
		this.partitions = topics.events().partitions();
	}

	/**
	 * @param book the restored book
	 * @param endOffsets per window-changelog partition, the offset up to which the book holds its records
	 */
	record Restored(WindowBook book, Map<Integer, Long> endOffsets) {
	}

	WindowBook restore(long nowMillis) {
		return restoreWithPositions(nowMillis).book();
	}

	Restored restoreWithPositions(long nowMillis) {
		EventListenerProperties.Windows windows = this.properties.windows();
		WindowBook book = new WindowBook(this.partitions, windows.grace().toSeconds(), windows.retention().toSeconds(),
				windows.idleTimeout().toMillis(), this.properties.counting().eventNames(), nowMillis);
		Duration timeout = this.properties.counting().restoreTimeout();
		Map<String, WindowResult> finals = readAll(this.results, 1, timeout,
				value -> WindowResult.fromJson(this.json, value)).latest();
		Set<Long> finalStarts = new HashSet<>();
		finals.forEach((key, result) -> {
			if (result != null && result.isFinal()) {
				book.finalPublished(result.windowStart().getEpochSecond(), result.windowEnd().getEpochSecond());
				finalStarts.add(result.windowStart().getEpochSecond());
			}
		});
		// The retained windows are mostly final, and their sketches no longer needed: they are dropped as each record
		// is read, so that the restore holds the sketches of the open windows only.
		Read<PartitionWindow> changelog = readAll(this.changelog, this.partitions, timeout, value -> {
			PartitionWindow counts = this.format.readWindow(value);
			return finalStarts.contains(counts.start()) ? counts.withoutSketches() : counts;
		});
		int merged = 0;
		for (PartitionWindow counts : changelog.latest().values()) {
			if (counts != null) {
				book.merge(counts, nowMillis);
				merged++;
			}
		}
		log.info("Restored {} partition window counts and {} window results", merged, finals.size());
		return new Restored(book, changelog.endOffsets());
	}

	private record Read<V>(Map<String, @Nullable V> latest, Map<Integer, Long> endOffsets) {
	}

	/** The newest value of every key (null for a deleted one), keyed by partition and key, as {@code read} makes it. */
	private <V> Read<V> readAll(String topic, int partitionCount, Duration timeout, Function<byte[], V> read) {
		try (Consumer<String, byte[]> consumer = this.consumers.create(topic + "-restore",
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = new ArrayList<>();
			for (int partition = 0; partition < partitionCount; partition++) {
				partitions.add(new TopicPartition(topic, partition));
			}
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
			Map<String, @Nullable V> latest = new HashMap<>();
			long deadline = System.nanoTime() + timeout.toNanos();
			while (!reachedEnd(consumer, ends)) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("reading " + topic + " to its end took longer than " + timeout);
				}
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					if (record.key() != null && !record.key().equals(TICK)) {
						latest.put(record.partition() + "/" + record.key(),
								(record.value() != null) ? read.apply(record.value()) : null);
					}
				}
			}
			Map<Integer, Long> endOffsets = new TreeMap<>();
			ends.forEach((partition, offset) -> endOffsets.put(partition.partition(), offset));
			return new Read<>(latest, endOffsets);
		}
	}

	private static boolean reachedEnd(Consumer<String, byte[]> consumer, Map<TopicPartition, Long> ends) {
		for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
			if (consumer.position(end.getKey()) < end.getValue()) {
				return false;
			}
		}
		return true;
	}

}
