package dev.clickstream.listener.counting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import dev.clickstream.listener.changelog.PartitionState;
import dev.clickstream.listener.changelog.PartitionWindow;
import dev.clickstream.listener.changelog.Sketches;
import dev.clickstream.listener.changelog.WindowCounts;
import dev.clickstream.listener.sketches.EventSketches;
import dev.clickstream.listener.sketches.PartitionSketches;
import dev.clickstream.model.CountedEvent;

/**
 * The events of one partition in one poll, counted on top of the partition's committed state: in the totals and,
 * when windows are on, in the event-time window of each, and in the unique-user and top-product sketches of that
 * window and of all time. Counting an event costs a few map and sketch updates; the new state is built once per
 * batch. The sketches are the partition's own, updated in place: a batch whose transaction fails leaves them holding
 * its events, and the caller rebuilds them before counting the partition again.
 */
final class PartitionBatch {

	private final PartitionState committed;

	private final @Nullable PartitionSketches sketches;

	private final @Nullable EventTimeWindows windows;

	// A long[1] per name: counting an event then allocates nothing.
	private final Map<String, long[]> added = new HashMap<>();

	/** The partition's open windows by start, with the committed counts and this batch's on top. */
	private final TreeMap<Long, Map<String, long[]>> open = new TreeMap<>();

	/** The windows this batch added to. */
	private final TreeSet<Long> touched = new TreeSet<>();

	private long nextOffset;

	private long watermark;

	private long oldestTimestamp = Long.MAX_VALUE;

	// Events mostly come in the window of the one before: its counts are kept at hand.
	private long currentStart = Long.MIN_VALUE;

	private @Nullable Map<String, long[]> currentCounts;

	private @Nullable EventSketches currentSketches;

	/**
	 * @param sketches the partition's sketches, of the same events as the committed state; null when windows are off
	 */
	PartitionBatch(PartitionState committed, @Nullable PartitionSketches sketches, @Nullable EventTimeWindows windows) {
		if (windows != null && sketches == null) {
			throw new IllegalArgumentException("counting windows needs the partition's sketches");
		}
		this.committed = committed;
		this.sketches = sketches;
		this.windows = windows;
		this.nextOffset = committed.nextOffset();
		Long committedWatermark = committed.watermark();
		this.watermark = (committedWatermark != null) ? committedWatermark : Long.MIN_VALUE;
		for (WindowCounts window : committed.windows()) {
			Map<String, long[]> counts = new HashMap<>();
			window.counts().forEach((name, count) -> counts.put(name, new long[] { count }));
			this.open.put(window.start(), counts);
		}
	}

	int partition() {
		return this.committed.partition();
	}

	void count(String eventName, long offset, long timestamp) {
		this.added.computeIfAbsent(eventName, name -> new long[1])[0]++;
		this.nextOffset = offset + 1;
		this.oldestTimestamp = Math.min(this.oldestTimestamp, timestamp);
	}

	/**
	 * Counts an event in the totals and, unless its window is closed on this partition, in its window.
	 * @return how many seconds after its window's end the event came, if it is late; -1 if it is not
	 */
	long count(CountedEvent event, long offset, long timestamp) {
		String eventName = event.eventName();
		long eventSecond = event.epochSecond();
		count(eventName, offset, timestamp);
		EventTimeWindows windows = this.windows;
		PartitionSketches sketches = this.sketches;
		if (windows == null || sketches == null) {
			return -1;
		}
		EventSketches allTime = sketches.allTime();
		String product = EventSketches.sketchedProduct(event);
		allTime.addProduct(eventName, product);
		long start = windows.start(eventSecond);
		if (windows.closed(start, this.watermark)) {
			allTime.addUser(event);
			return windows.lateness(eventSecond, this.watermark);
		}
		Map<String, long[]> counts = this.currentCounts;
		if (counts == null || start != this.currentStart) {
			counts = this.open.computeIfAbsent(start, s -> new HashMap<>());
			this.touched.add(start);
			this.currentStart = start;
			this.currentCounts = counts;
			this.currentSketches = sketches.window(start);
		}
		counts.computeIfAbsent(eventName, name -> new long[1])[0]++;
		EventSketches windowSketches = this.currentSketches;
		if (windowSketches != null) {
			// The window's users go into those since the start once, with the whole window, at a checkpoint or when
			// the window closes.
			windowSketches.add(event, product);
		}
		else {
			allTime.addUser(event);
		}
		this.watermark = Math.max(this.watermark, eventSecond);
		return -1;
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

	/**
	 * The partition's new state, counts alone: the committed one plus this batch, without the windows the batch
	 * closed.
	 */
	PartitionState state() {
		if (this.windows == null) {
			return this.committed.plus(added(), this.nextOffset);
		}
		List<WindowCounts> stillOpen = new ArrayList<>();
		this.open.forEach((start, counts) -> {
			if (!this.windows.closed(start, this.watermark)) {
				stillOpen.add(new WindowCounts(start, totals(counts)));
			}
		});
		return this.committed.plus(added(), this.nextOffset,
				(this.watermark == Long.MIN_VALUE) ? null : this.watermark, stillOpen, null);
	}

	/**
	 * Ends the batch: what it writes for the partition. The windows it closed leave the partition's sketches, their
	 * final sketches in their window changes.
	 * @param checkpoint whether to checkpoint the partition: its state with all its sketches, and sketches in every
	 * window change
	 */
	Finished finish(boolean checkpoint) {
		PartitionState state = state();
		EventTimeWindows windows = this.windows;
		PartitionSketches sketches = this.sketches;
		if (windows == null || sketches == null) {
			return new Finished(state, List.of(), null);
		}
		List<PartitionWindow> changes = new ArrayList<>();
		Map<Long, Sketches> written = new HashMap<>();
		this.open.forEach((start, counts) -> {
			boolean closed = windows.closed(start, this.watermark);
			if (closed) {
				changes.add(new PartitionWindow(partition(), start, windows.end(start), totals(counts), true,
						this.watermark, sketches.close(start)));
			}
			else if (this.touched.contains(start)) {
				Sketches windowSketches = checkpoint ? sketches.written(start) : null;
				if (windowSketches != null) {
					written.put(start, windowSketches);
				}
				changes.add(new PartitionWindow(partition(), start, windows.end(start), totals(counts), false,
						this.watermark, windowSketches));
			}
		});
		return new Finished(state, changes, checkpoint ? sketches.checkpoint(state, written) : null);
	}

	/**
	 * @param state the partition's new state, for the changelog
	 * @param windowChanges the partition's counts of every window this batch added to or closed, for the window
	 * changelog, oldest first
	 * @param checkpoint the new state with the partition's sketches, for the checkpoints topic; null if not
	 * checkpointed
	 */
	record Finished(PartitionState state, List<PartitionWindow> windowChanges, @Nullable PartitionState checkpoint) {
	}

	private static Map<String, Long> totals(Map<String, long[]> counts) {
		Map<String, Long> totals = new HashMap<>();
		counts.forEach((name, count) -> totals.put(name, count[0]));
		return totals;
	}

}
