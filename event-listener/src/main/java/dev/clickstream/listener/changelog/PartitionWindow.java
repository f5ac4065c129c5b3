package dev.clickstream.listener.changelog;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import org.jspecify.annotations.Nullable;

/**
 * One partition's counts of one event-time window, the record format of the window changelog. Written in the counting
 * transaction whenever a batch adds to the window, and once more when the partition closes it; so the newest record
 * of a closed window holds the partition's final counts of it. The sketches come with the record that closes the
 * window and with those written at a checkpoint; the records between carry counts alone. Fields are only ever added.
 *
 * @param partition the event-topic partition counted
 * @param start the window's start, in epoch seconds
 * @param end the window's end (exclusive), in epoch seconds
 * @param counts the partition's events in the window, per event name
 * @param closed whether the partition has closed the window: its watermark passed the end plus the grace period, so
 * these counts are final
 * @param watermark the partition's watermark when this was written, in epoch seconds
 * @param sketches the partition's unique users and top products of the window; null between checkpoints, and if a
 * version without sketches began the window
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PartitionWindow(int partition, long start, long end, Map<String, Long> counts, boolean closed,
		long watermark, @JsonInclude(Include.NON_NULL) @Nullable Sketches sketches) {

	public PartitionWindow {
		counts = Collections.unmodifiableMap(new TreeMap<>(counts));
	}

	/** A partition's counts of a window without sketches. */
	public PartitionWindow(int partition, long start, long end, Map<String, Long> counts, boolean closed,
			long watermark) {
		this(partition, start, end, counts, closed, watermark, null);
	}

	/** The same counts with the given sketches. */
	public PartitionWindow withSketches(@Nullable Sketches sketches) {
		return new PartitionWindow(this.partition, this.start, this.end, this.counts, this.closed, this.watermark,
				sketches);
	}

	/** The same counts without their sketches, to keep once the window's final result is out. */
	public PartitionWindow withoutSketches() {
		return (this.sketches == null) ? this
				: new PartitionWindow(this.partition, this.start, this.end, this.counts, this.closed, this.watermark);
	}

}
