package dev.clickstream.listener.windows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import dev.clickstream.listener.changelog.PartitionWindow;
import dev.clickstream.listener.changelog.Sketches;
import dev.clickstream.listener.sketches.MergedSketches;
import dev.clickstream.model.WindowResult;

/**
 * The windows being merged from the partitions' counts, and which of them are final. A running window's unique users
 * and top products are those of each partition's last checkpoint; a final one's, those the partitions closed it
 * with. A window is final once every
 * partition has closed it, by its own watermark, or has been idle for the idle timeout; then its final result is
 * due, once, and nothing that comes later for it changes it. A window's counts are kept until it is forgotten, so
 * that what a partition brings after the final can be told apart from what was in it. Arithmetic and bookkeeping only; used by one thread.
 */
final class WindowBook {

	/** What became of a partition's counts of a window. */
	enum Outcome {

		/** Taken in. */
		MERGED,
		/** The window's final result was already due: the counts are not in it. */
		AFTER_FINAL,
		/** The window is older than the retention and forgotten. */
		EXPIRED

	}

	private final int partitions;

	private final long graceSeconds;

	private final long retentionSeconds;

	private final long idleTimeoutMillis;

	private final List<String> eventNames;

	private final TreeMap<Long, Window> windows = new TreeMap<>();

	private final Map<Integer, Long> watermarks = new HashMap<>();

	private final Map<Integer, Long> advancedAtMillis = new HashMap<>();

	private final long startedAtMillis;

	/** The newest window start already forgotten, or below: counts for such windows are ignored. */
	private long forgottenBelow = Long.MIN_VALUE;

	/**
	 * @param partitions the event topic's partitions, all of which must close a window before it is final
	 * @param eventNames the names every result shows, at zero until counted, in this order
	 * @param startedAtMillis when the book started, for partitions that have brought nothing since
	 */
	WindowBook(int partitions, long graceSeconds, long retentionSeconds, long idleTimeoutMillis,
			List<String> eventNames, long startedAtMillis) {
		this.partitions = partitions;
		this.graceSeconds = graceSeconds;
		this.retentionSeconds = retentionSeconds;
		this.idleTimeoutMillis = idleTimeoutMillis;
		this.eventNames = List.copyOf(eventNames);
		this.startedAtMillis = startedAtMillis;
	}

	/**
	 * @param outcome what became of the counts
	 * @param eventsAfterFinal with {@link Outcome#AFTER_FINAL}, how many events the partition counted in the window
	 * since its counts were last taken in
	 */
	record Merged(Outcome outcome, long eventsAfterFinal) {
	}

	Merged merge(PartitionWindow counts, long nowMillis) {
		Long watermark = this.watermarks.get(counts.partition());
		if (watermark == null || counts.watermark() > watermark) {
			this.watermarks.put(counts.partition(), counts.watermark());
			this.advancedAtMillis.put(counts.partition(), nowMillis);
		}
		if (counts.start() < this.forgottenBelow) {
			return new Merged(Outcome.EXPIRED, 0);
		}
		Window window = this.windows.computeIfAbsent(counts.start(), start -> new Window(start, counts.end()));
		// A partition's counts of a window only grow: what they grew by since the last ones is what is new.
		// After the final, only the counts are needed: to tell what came after it.
		PartitionWindow previous = window.byPartition.get(counts.partition());
		PartitionWindow kept = counts;
		if (window.finalPublished) {
			kept = counts.withoutSketches();
		}
		else if (counts.sketches() == null && !counts.closed() && previous != null) {
			// Between checkpoints a running window's counts come alone: its figures stay those of the last checkpoint.
			kept = counts.withSketches(previous.sketches());
		}
		window.byPartition.put(counts.partition(), kept);
		if (window.finalPublished) {
			return new Merged(Outcome.AFTER_FINAL, total(counts) - ((previous != null) ? total(previous) : 0));
		}
		window.changed = true;
		return new Merged(Outcome.MERGED, 0);
	}

	private static long total(PartitionWindow counts) {
		return counts.counts().values().stream().mapToLong(Long::longValue).sum();
	}

	int partitions() {
		return this.partitions;
	}

	/** Whether {@link #due} would now return a result: counts that changed, or a window that has just closed. */
	boolean hasResultsDue(long nowMillis) {
		for (Window window : this.windows.values()) {
			if (!window.finalPublished && (window.changed || closedEverywhere(window, nowMillis))) {
				return true;
			}
		}
		return false;
	}

	/** A window whose final result is on the results topic already, as read back after a restart. */
	void finalPublished(long start, long end) {
		Window window = this.windows.computeIfAbsent(start, s -> new Window(start, end));
		window.finalPublished = true;
		window.changed = false;
	}

	/**
	 * The results to publish now: the final result of each window that has just closed everywhere, and a running one
	 * of each other window whose counts changed since the last call. Windows older than the retention, behind the
	 * newest watermark, are forgotten; their starts are returned as {@link Due#forgotten()}.
	 */
	Due due(long nowMillis, Instant receiveAt) {
		List<WindowResult> results = new ArrayList<>();
		int sketchesMerged = 0;
		for (Window window : this.windows.values()) {
			if (window.finalPublished) {
				continue;
			}
			boolean closed = closedEverywhere(window, nowMillis);
			if (closed || window.changed) {
				List<Sketches> sketches = window.sketches();
				MergedSketches merged = null;
				if (sketches != null) {
					// Between checkpoints only the counts change: the figures merged last time still hold.
					if (!sketches.equals(window.mergedFrom)) {
						window.merged = MergedSketches.of(sketches);
						window.mergedFrom = sketches;
						sketchesMerged += sketches.size();
					}
					merged = window.merged;
				}
				results.add(new WindowResult(Instant.ofEpochSecond(window.start), Instant.ofEpochSecond(window.end),
						window.totals(this.eventNames), closed, receiveAt,
						(merged != null) ? merged.uniqueUsers() : null, (merged != null) ? merged.topProducts() : null,
						(merged != null) ? merged.usersBase64() : null));
				window.finalPublished = closed;
				window.changed = false;
				if (closed) {
					window.byPartition.replaceAll((partition, counts) -> counts.withoutSketches());
					window.merged = null;
					window.mergedFrom = null;
				}
			}
		}
		List<Long> forgotten = new ArrayList<>();
		long newest = this.watermarks.values().stream().mapToLong(Long::longValue).max().orElse(Long.MIN_VALUE);
		if (newest != Long.MIN_VALUE) {
			long horizon = newest - this.retentionSeconds;
			for (Iterator<Window> it = this.windows.values().iterator(); it.hasNext();) {
				Window window = it.next();
				if (window.end > horizon || !window.finalPublished) {
					break;
				}
				forgotten.add(window.start);
				this.forgottenBelow = Math.max(this.forgottenBelow, window.start + 1);
				it.remove();
			}
		}
		return new Due(results, forgotten, sketchesMerged);
	}

	private boolean closedEverywhere(Window window, long nowMillis) {
		for (int partition = 0; partition < this.partitions; partition++) {
			PartitionWindow counts = window.byPartition.get(partition);
			Long watermark = this.watermarks.get(partition);
			boolean closedByItsEvents = (counts != null) ? counts.closed()
					: watermark != null && watermark >= window.end + this.graceSeconds;
			long lastHeard = this.advancedAtMillis.getOrDefault(partition, this.startedAtMillis);
			boolean idle = nowMillis - lastHeard >= this.idleTimeoutMillis;
			if (!closedByItsEvents && !idle) {
				return false;
			}
		}
		return true;
	}

	/**
	 * @param results the results to publish, oldest window first
	 * @param forgotten the starts of the windows no longer kept, whose records can be deleted
	 * @param sketchesMerged how many partitions' sketches the results merged
	 */
	record Due(List<WindowResult> results, List<Long> forgotten, int sketchesMerged) {
	}

	private static final class Window {

		final long start;

		final long end;

		final Map<Integer, PartitionWindow> byPartition = new HashMap<>();

		boolean changed;

		boolean finalPublished;

		/** The partitions' sketches the window's figures were last merged from, and those figures. */
		@Nullable List<Sketches> mergedFrom;

		@Nullable MergedSketches merged;

		Window(long start, long end) {
			this.start = start;
			this.end = end;
		}

		/**
		 * The partitions' sketches of the window, in partition order; null if a partition began the window without
		 * them, as a version before sketches did: figures from the others alone would be too low.
		 */
		@Nullable List<Sketches> sketches() {
			List<Sketches> sketches = new ArrayList<>();
			for (PartitionWindow counts : new TreeMap<>(this.byPartition).values()) {
				if (counts.sketches() == null) {
					return null;
				}
				sketches.add(counts.sketches());
			}
			return sketches;
		}

		Map<String, Long> totals(List<String> eventNames) {
			Map<String, Long> totals = new LinkedHashMap<>();
			eventNames.forEach(name -> totals.put(name, 0L));
			this.byPartition.values()
				.forEach(counts -> counts.counts().forEach((name, count) -> totals.merge(name, count, Long::sum)));
			return totals;
		}

	}

}
