package dev.clickstream.listener.counting;

import java.util.HashMap;
import java.util.Map;

/**
 * The events of one partition in one poll, counted on top of the partition's committed counts. Counting an event
 * costs a map update; the cumulative counts are built once per batch.
 */
final class PartitionBatch {

	private final PartitionCounts committed;

	private final Map<String, Long> added = new HashMap<>();

	private long nextOffset;

	PartitionBatch(PartitionCounts committed) {
		this.committed = committed;
		this.nextOffset = committed.nextOffset();
	}

	void count(String eventName, long offset) {
		this.added.merge(eventName, 1L, Long::sum);
		this.nextOffset = offset + 1;
	}

	/** Moves past a record that is not counted, such as one sent to the dead-letter topic. */
	void skip(long offset) {
		this.nextOffset = offset + 1;
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
