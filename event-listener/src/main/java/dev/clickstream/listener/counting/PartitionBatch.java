package dev.clickstream.listener.counting;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

import dev.clickstream.listener.changelog.PartitionState;

/**
 * The events of one partition in one poll, counted on top of the partition's committed state. Counting an event
 * costs a map update; the new state is built once per batch.
 */
final class PartitionBatch {

	private final PartitionState committed;

	// A long[1] per name: counting an event then allocates nothing.
	private final Map<String, long[]> added = new HashMap<>();

	private long nextOffset;

	private long oldestTimestamp = Long.MAX_VALUE;

	PartitionBatch(PartitionState committed) {
		this.committed = committed;
		this.nextOffset = committed.nextOffset();
	}

	int partition() {
		return this.committed.partition();
	}

	void count(String eventName, long offset, long timestamp) {
		this.added.computeIfAbsent(eventName, name -> new long[1])[0]++;
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
		Map<String, Long> added = new HashMap<>();
		this.added.forEach((name, count) -> added.put(name, count[0]));
		return added;
	}

	/** The partition's new state: the committed one plus this batch. */
	PartitionState state() {
		return this.committed.plus(added(), this.nextOffset);
	}

}
