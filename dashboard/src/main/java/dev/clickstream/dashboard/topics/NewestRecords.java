package dev.clickstream.dashboard.topics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which offsets to read for the newest records of a topic, and the merge of what was read: no Kafka types, so that a
 * test can play any partition through it.
 *
 * <p>Each partition is read backwards from its end in ranges: first the last {@code limit} offsets, then, while it
 * gave fewer than {@code limit} records and has more before, twice as far back, up to {@code maxSpanFactor} times
 * {@code limit} offsets from its end. A transactional topic needs that: every transaction ends in a commit marker,
 * which occupies an offset, and a read_committed reader does not see aborted records either, so the last
 * {@code limit} offsets may hold far fewer records. Of each partition only its newest {@code limit} records are kept,
 * so memory stays bounded however far back the reads go.
 *
 * <p>The answer is the newest {@code limit} over all partitions: by timestamp, newest first, then by partition, then
 * by offset, newest first.
 */
final class NewestRecords {

	/** Offsets from {@code from} to {@code to}, exclusive, of one partition. */
	record Range(int partition, long from, long to) {
	}

	private static final Comparator<TopicRecord> NEWEST_FIRST = Comparator.comparing(TopicRecord::timestamp)
		.reversed()
		.thenComparingInt(TopicRecord::partition)
		.thenComparing(Comparator.comparingLong(TopicRecord::offset).reversed());

	private static final class Partition {

		private final long beginning;

		private final long end;

		// The lowest offset asked for so far: the partition has been read from here to its end.
		private long from;

		private long span;

		private List<TopicRecord> newest = List.of();

		private Partition(long beginning, long end) {
			this.beginning = beginning;
			this.end = end;
			this.from = end;
		}

	}

	private final int limit;

	private final long maxSpan;

	private final Map<Integer, Partition> partitions = new LinkedHashMap<>();

	NewestRecords(int limit, int maxSpanFactor) {
		this.limit = limit;
		this.maxSpan = (long) limit * maxSpanFactor;
	}

	/** A partition to read, with its first offset and its end (for read_committed, its last stable offset). */
	void partition(int partition, long beginning, long end) {
		this.partitions.put(partition, new Partition(beginning, end));
	}

	/** The ranges to read next; none when every partition is done. */
	List<Range> nextRanges() {
		List<Range> ranges = new ArrayList<>();
		this.partitions.forEach((number, partition) -> {
			if (partition.from <= partition.beginning) {
				return;
			}
			if (partition.span == 0) {
				partition.span = this.limit;
			}
			else if (partition.newest.size() < this.limit && partition.span < this.maxSpan) {
				partition.span = Math.min(partition.span * 2, this.maxSpan);
			}
			else {
				return;
			}
			long from = Math.max(partition.beginning, partition.end - partition.span);
			ranges.add(new Range(number, from, partition.from));
			partition.from = from;
		});
		return ranges;
	}

	/** Takes in the records read from a partition's latest range, in offset order. */
	void took(int partition, List<TopicRecord> records) {
		Partition read = this.partitions.get(partition);
		if (read == null || records.isEmpty()) {
			return;
		}
		List<TopicRecord> newest = new ArrayList<>(records.size() + read.newest.size());
		newest.addAll(records);
		newest.addAll(read.newest);
		read.newest = List.copyOf(newest.subList(Math.max(0, newest.size() - this.limit), newest.size()));
	}

	/** The newest {@code limit} records over all partitions, newest first. */
	List<TopicRecord> newest() {
		return this.partitions.values()
			.stream()
			.flatMap(partition -> partition.newest.stream())
			.sorted(NEWEST_FIRST)
			.limit(this.limit)
			.toList();
	}

}
