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
import dev.clickstream.model.CountedEvent;

/**
 * The events of one partition in one poll, counted on top of the partition's committed state: in the totals and,
 * when windows are on, in the event-time window of each, and in the unique-user and top-product sketches of that
 * window and of all time. Counting an event costs a few map and sketch updates; the new state is built once per
 * batch. Sketches are read from the committed bytes only for the windows the batch adds to.
 */
final class PartitionBatch {

	private final PartitionState committed;

	private final @Nullable EventTimeWindows windows;

	// A long[1] per name: counting an event then allocates nothing.
	private final Map<String, long[]> added = new HashMap<>();

	/** The partition's open windows by start, with the committed counts and this batch's on top. */
	private final TreeMap<Long, Map<String, long[]>> open = new TreeMap<>();

	/** The windows this batch added to. */
	private final TreeSet<Long> touched = new TreeSet<>();

	/** The committed sketches of each open window; none for a window a version without sketches began. */
	private final Map<Long, Sketches> committedSketches = new HashMap<>();

	/** The sketches of the windows this batch added to, with the batch's events in them. */
	private final Map<Long, EventSketches> sketches = new HashMap<>();

	/** The windows begun by a version without sketches: they get none, rather than ones missing events. */
	private final TreeSet<Long> withoutSketches = new TreeSet<>();

	/** The sketches since the start, read from the committed bytes at the batch's first event. */
	private @Nullable EventSketches allTime;

	/**
	 * Sketches written out since the last event, by window start, and {@link #ALL_TIME}: the state and the window
	 * changes of a batch carry the same ones, written once.
	 */
	private final Map<Long, Sketches> written = new HashMap<>();

	private static final long ALL_TIME = Long.MIN_VALUE;

	private long nextOffset;

	private long watermark;

	private long oldestTimestamp = Long.MAX_VALUE;

	// Events mostly come in the window of the one before: its counts are kept at hand.
	private long currentStart = Long.MIN_VALUE;

	private @Nullable Map<String, long[]> currentCounts;

	private @Nullable EventSketches currentSketches;

	PartitionBatch(PartitionState committed, @Nullable EventTimeWindows windows) {
		this.committed = committed;
		this.windows = windows;
		this.nextOffset = committed.nextOffset();
		Long committedWatermark = committed.watermark();
		this.watermark = (committedWatermark != null) ? committedWatermark : Long.MIN_VALUE;
		for (WindowCounts window : committed.windows()) {
			Map<String, long[]> counts = new HashMap<>();
			window.counts().forEach((name, count) -> counts.put(name, new long[] { count }));
			this.open.put(window.start(), counts);
			if (window.sketches() != null) {
				this.committedSketches.put(window.start(), window.sketches());
			}
			else {
				this.withoutSketches.add(window.start());
			}
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
		if (windows == null) {
			return -1;
		}
		if (!this.written.isEmpty()) {
			this.written.clear();
		}
		EventSketches allTime = allTime();
		allTime.addProduct(event);
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
			this.currentSketches = this.withoutSketches.contains(start) ? null
					: this.sketches.computeIfAbsent(start, this::sketchesToUpdate);
		}
		counts.computeIfAbsent(eventName, name -> new long[1])[0]++;
		EventSketches sketches = this.currentSketches;
		if (sketches != null) {
			// The window's users go into those since the start once, with the whole window, when the state is built.
			sketches.add(event);
		}
		else {
			allTime.addUser(event);
		}
		this.watermark = Math.max(this.watermark, eventSecond);
		return -1;
	}

	private EventSketches sketchesToUpdate(long start) {
		Sketches committed = this.committedSketches.get(start);
		return (committed != null) ? EventSketches.of(committed) : EventSketches.empty(false);
	}

	private EventSketches allTime() {
		EventSketches allTime = this.allTime;
		if (allTime == null) {
			Sketches committed = this.committed.sketches();
			// A partition counted before sketches were kept gets sketches from now on, marked as missing the events
			// before.
			allTime = (committed != null) ? EventSketches.of(committed) : EventSketches.empty(!this.committed.isEmpty());
			this.allTime = allTime;
		}
		return allTime;
	}

	private @Nullable Sketches windowSketches(long start) {
		EventSketches updated = this.sketches.get(start);
		return (updated != null) ? this.written.computeIfAbsent(start, s -> updated.sketches())
				: this.committedSketches.get(start);
	}

	private @Nullable Sketches allTimeSketches() {
		EventSketches allTime = this.allTime;
		if (allTime == null) {
			return this.committed.sketches();
		}
		return this.written.computeIfAbsent(ALL_TIME, s -> {
			// Merging a window's users again changes nothing: the registers keep the highest value each saw.
			this.sketches.values().forEach(allTime::addUsersOf);
			return allTime.sketches();
		});
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

	/** The partition's new state: the committed one plus this batch, without the windows the batch closed. */
	PartitionState state() {
		if (this.windows == null) {
			return this.committed.plus(added(), this.nextOffset);
		}
		List<WindowCounts> stillOpen = new ArrayList<>();
		this.open.forEach((start, counts) -> {
			if (!this.windows.closed(start, this.watermark)) {
				stillOpen.add(new WindowCounts(start, totals(counts), windowSketches(start)));
			}
		});
		return this.committed.plus(added(), this.nextOffset,
				(this.watermark == Long.MIN_VALUE) ? null : this.watermark, stillOpen, allTimeSketches());
	}

	/**
	 * The partition's counts of every window this batch added to or closed, for the window changelog, oldest first.
	 */
	List<PartitionWindow> windowChanges() {
		EventTimeWindows windows = this.windows;
		if (windows == null) {
			return List.of();
		}
		List<PartitionWindow> changes = new ArrayList<>();
		this.open.forEach((start, counts) -> {
			boolean closed = windows.closed(start, this.watermark);
			if (closed || this.touched.contains(start)) {
				changes.add(new PartitionWindow(partition(), start, windows.end(start), totals(counts), closed,
						this.watermark, windowSketches(start)));
			}
		});
		return changes;
	}

	private static Map<String, Long> totals(Map<String, long[]> counts) {
		Map<String, Long> totals = new HashMap<>();
		counts.forEach((name, count) -> totals.put(name, count[0]));
		return totals;
	}

}
