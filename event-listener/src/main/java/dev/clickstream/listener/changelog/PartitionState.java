package dev.clickstream.listener.changelog;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What counting knows of one partition of the event topic: the unit of state committed to the changelog, in the same
 * transaction as the consumer offset it matches. Its JSON is the changelog's record format; fields are only ever
 * added, so that each version reads what the previous one wrote.
 *
 * @param partition the event-topic partition counted
 * @param nextOffset the offset of the first event not yet counted; where consumption resumes after a restore
 * @param counts events counted per event name, from the start of the partition up to {@code nextOffset}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PartitionState(int partition, long nextOffset, Map<String, Long> counts) {

	public PartitionState {
		counts = Collections.unmodifiableMap(new TreeMap<>(counts));
	}

	/** Nothing counted yet: consumption starts where the consumer group's reset policy says. */
	public static PartitionState empty(int partition) {
		return new PartitionState(partition, -1, Map.of());
	}

	@JsonIgnore
	public boolean isEmpty() {
		return this.nextOffset < 0;
	}

	/** This state plus the given counts, of events that end just before {@code nextOffset}. */
	public PartitionState plus(Map<String, Long> added, long nextOffset) {
		if (nextOffset <= this.nextOffset) {
			throw new IllegalArgumentException("partition " + this.partition + " is counted up to offset "
					+ this.nextOffset + "; cannot count again up to " + nextOffset);
		}
		TreeMap<String, Long> sum = new TreeMap<>(this.counts);
		added.forEach((eventName, count) -> sum.merge(eventName, count, Long::sum));
		return new PartitionState(this.partition, nextOffset, sum);
	}

	/** The same counts, resuming at another offset. */
	PartitionState resumingAt(long nextOffset) {
		return new PartitionState(this.partition, nextOffset, this.counts);
	}

}
