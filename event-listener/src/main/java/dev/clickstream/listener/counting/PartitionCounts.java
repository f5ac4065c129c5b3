package dev.clickstream.listener.counting;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The cumulative counts of one partition of the event topic: the unit of state committed to the changelog, in the
 * same transaction as the consumer offset it matches.
 *
 * @param partition the event-topic partition counted
 * @param nextOffset the offset of the first event not yet counted; where consumption resumes after a restore
 * @param counts events counted per event name, from the start of the partition up to {@code nextOffset}
 */
public record PartitionCounts(int partition, long nextOffset, Map<String, Long> counts) {

	public PartitionCounts {
		counts = Collections.unmodifiableMap(new TreeMap<>(counts));
	}

	/** Nothing counted yet: consumption starts where the consumer group's reset policy says. */
	public static PartitionCounts empty(int partition) {
		return new PartitionCounts(partition, -1, Map.of());
	}

	@JsonIgnore
	public boolean isEmpty() {
		return this.nextOffset < 0;
	}

	/** These counts plus the given ones, of events that end just before {@code nextOffset}. */
	public PartitionCounts plus(Map<String, Long> added, long nextOffset) {
		if (nextOffset <= this.nextOffset) {
			throw new IllegalArgumentException("partition " + this.partition + " is counted up to offset "
					+ this.nextOffset + "; cannot count again up to " + nextOffset);
		}
		TreeMap<String, Long> sum = new TreeMap<>(this.counts);
		added.forEach((eventName, count) -> sum.merge(eventName, count, Long::sum));
		return new PartitionCounts(this.partition, nextOffset, sum);
	}

}
