package dev.clickstream.listener.changelog;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import org.jspecify.annotations.Nullable;

/**
 * What counting knows of one partition of the event topic: the unit of state committed to the changelog, in the same
 * transaction as the consumer offset it matches. Its JSON is the changelog's record format; fields are only ever
 * added, so that each version reads what the previous one wrote.
 *
 * @param partition the event-topic partition counted
 * @param nextOffset the offset of the first event not yet counted; where consumption resumes after a restore
 * @param counts events counted per event name, from the start of the partition up to {@code nextOffset}
 * @param watermark the latest event time seen on the partition, in epoch seconds; null before the first event, and in
 * records written before windows were counted
 * @param windows the partition's open event-time windows, oldest first; closed ones are dropped
 * @param sketches the partition's unique users and top products since the start: only in checkpoints, the records
 * of the checkpoints topic, where each open window has its sketches too; null in the changelog
 * <p>
 * Without windows the record is byte for byte what the first release wrote, so that release can still read it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PartitionState(int partition, long nextOffset, Map<String, Long> counts,
		@JsonInclude(Include.NON_NULL) @Nullable Long watermark, @JsonInclude(Include.NON_EMPTY) List<WindowCounts> windows,
		@JsonInclude(Include.NON_NULL) @Nullable Sketches sketches) {

	public PartitionState {
		counts = Collections.unmodifiableMap(new TreeMap<>(counts));
		windows = (windows != null) ? List.copyOf(windows) : List.of();
	}

	/** A state without event-time windows. */
	public PartitionState(int partition, long nextOffset, Map<String, Long> counts) {
		this(partition, nextOffset, counts, null, List.of(), null);
	}

	/** A state with event-time windows, without sketches. */
	public PartitionState(int partition, long nextOffset, Map<String, Long> counts, @Nullable Long watermark,
			List<WindowCounts> windows) {
		this(partition, nextOffset, counts, watermark, windows, null);
	}

	/** Nothing counted yet: consumption starts where the consumer group's reset policy says. */
	public static PartitionState empty(int partition) {
		return new PartitionState(partition, -1, Map.of());
	}

	@JsonIgnore
	public boolean isEmpty() {
		return this.nextOffset < 0;
	}

	/** This state plus the given counts, of events that end just before {@code nextOffset}; windows unchanged. */
	public PartitionState plus(Map<String, Long> added, long nextOffset) {
		return plus(added, nextOffset, this.watermark, this.windows, this.sketches);
	}

	/**
	 * This state plus the given counts, of events that end just before {@code nextOffset}, with the partition's new
	 * watermark, open windows and sketches.
	 */
	public PartitionState plus(Map<String, Long> added, long nextOffset, @Nullable Long watermark,
			List<WindowCounts> windows, @Nullable Sketches sketches) {
		if (nextOffset <= this.nextOffset) {
			throw new IllegalArgumentException("partition " + this.partition + " is counted up to offset "
					+ this.nextOffset + "; cannot count again up to " + nextOffset);
		}
		TreeMap<String, Long> sum = new TreeMap<>(this.counts);
		added.forEach((eventName, count) -> sum.merge(eventName, count, Long::sum));
		return new PartitionState(this.partition, nextOffset, sum, watermark, windows, sketches);
	}

	/** The same counts, without the sketches of the partition and of its windows. */
	public PartitionState withoutSketches() {
		List<WindowCounts> counts = this.windows.stream()
			.map(window -> new WindowCounts(window.start(), window.counts()))
			.toList();
		return new PartitionState(this.partition, this.nextOffset, this.counts, this.watermark, counts, null);
	}

	/** The same counts, resuming at another offset. */
	PartitionState resumingAt(long nextOffset) {
		return new PartitionState(this.partition, nextOffset, this.counts, this.watermark, this.windows, this.sketches);
	}

}
