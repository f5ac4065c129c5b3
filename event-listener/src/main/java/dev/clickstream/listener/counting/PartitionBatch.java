package dev.clickstream.listener.counting;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The events of one partition in one poll, counted on top of the partition's committed counts. Counting an event
 * costs a map update; the cumulative counts are built once per batch.
 */
final class PartitionBatch {

	private final PartitionCounts committed;

	private final Map<String, Long> added = new HashMap<>();

	private long nextOffset;

	private long oldestTimestamp = Long.MAX_VALUE;

	PartitionBatch(PartitionCounts committed) {
		this.committed = committed;
		this.nextOffset = committed.nextOffset();
	}

	void count(String eventName, long offset, long timestamp) {
		this.added.merge(eventName, 1L, Long::sum);
		this.nextOffset = offset + 1;
		this.oldestTimestamp = Math.min(this.oldestTimestamp, timestamp);
	}

	/** Moves past a record that is not counted, such as one sent to the dead-letter topic. */
	void skip(long offset) {
		this.nextOffset = offset + 1;
	}

	/** The record timestamp of the oldest event counted in this batch, in epoch milliseconds; none if none. */
	OptionalLong oldestTimestamp() {
		return (this.oldestTimestamp == Long.MAX_VALUE) ? OptionalLong.empty() : OptionalLong.of(this.oldestTimestamp);
	}

	/** The events counted in this batch alone, by name. */
	Map<String, Long> added() {
		return this.added;
	}

	/** The partition's cumulative counts, committed ones plus this batch. */
	PartitionCounts counts() {
		return this.committed.plus(this.added, this.nextOffset);
	}

}
