package dev.clickstream.listener.sketches;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.clickstream.listener.changelog.PartitionState;
import dev.clickstream.listener.changelog.Sketches;
import dev.clickstream.listener.changelog.WindowCounts;

/**
 * The sketches of one partition as counting updates them in memory, batch after batch: those of each open window and
 * those since the start. They are written out at checkpoints, and a window's when the partition closes it; between
 * checkpoints they are rebuilt, after a crash or a failed transaction, by counting the partition's events since the
 * last checkpoint again. Used by one thread at a time.
 */
public final class PartitionSketches {

	private final EventSketches allTime;

	private final Map<Long, EventSketches> windows = new HashMap<>();

	/** The open windows begun by a version without sketches: they get none, rather than ones missing events. */
	private final Set<Long> withoutSketches = new HashSet<>();

	private PartitionSketches(EventSketches allTime) {
		this.allTime = allTime;
	}

	/**
	 * The sketches a state holds: all of them in a checkpoint; in a state without sketches (one from the changelog,
	 * written by a version without them or before the partition's first checkpoint) none, and those since the start
	 * marked as missing the events counted so far.
	 */
	public static PartitionSketches of(PartitionState state) {
		Sketches allTime = state.sketches();
		PartitionSketches sketches = new PartitionSketches(
				(allTime != null) ? EventSketches.of(allTime) : EventSketches.empty(!state.isEmpty()));
		for (WindowCounts window : state.windows()) {
			if (window.sketches() != null) {
				sketches.windows.put(window.start(), EventSketches.of(window.sketches()));
			}
			else {
				sketches.withoutSketches.add(window.start());
			}
		}
		return sketches;
	}

	public EventSketches allTime() {
		return this.allTime;
	}

	/** The sketches of an open window, new ones for a window just begun; none for a window begun without them. */
	public @Nullable EventSketches window(long start) {
		if (this.withoutSketches.contains(start)) {
			return null;
		}
		return this.windows.computeIfAbsent(start, s -> EventSketches.empty(false));
	}

	/**
	 * Forgets a window the partition closed, its users taken into those since the start.
	 * @return its final sketches; none if it was begun without them
	 */
	public @Nullable Sketches close(long start) {
		this.withoutSketches.remove(start);
		EventSketches closed = this.windows.remove(start);
		if (closed == null) {
			return null;
		}
		this.allTime.addUsersOf(closed);
		return closed.sketches();
	}

	/** The sketches of an open window as they are now; none if it was begun without them. */
	public @Nullable Sketches written(long start) {
		EventSketches window = this.windows.get(start);
		return (window != null) ? window.sketches() : null;
	}

	/** The given state, counts of the same events as these sketches, with these sketches. */
	public PartitionState checkpoint(PartitionState state) {
		return checkpoint(state, new HashMap<>());
	}

	/**
	 * The given state with these sketches: each open window's, and those since the start with every open window's
	 * users in them.
	 * @param state the partition's counts, of the same events as these sketches
	 * @param written the sketches of windows already written out for this state, by start, to reuse; those written
	 * now are added
	 */
	public PartitionState checkpoint(PartitionState state, Map<Long, Sketches> written) {
		List<WindowCounts> windows = new ArrayList<>();
		for (WindowCounts window : state.windows()) {
			EventSketches sketches = this.windows.get(window.start());
			if (sketches != null) {
				// Merging a window's users again changes nothing: the registers keep the highest value each saw.
				this.allTime.addUsersOf(sketches);
			}
			windows.add(new WindowCounts(window.start(), window.counts(),
					(sketches != null) ? written.computeIfAbsent(window.start(), start -> sketches.sketches()) : null));
		}
		return new PartitionState(state.partition(), state.nextOffset(), state.counts(), state.watermark(), windows,
				this.allTime.sketches());
	}

}
