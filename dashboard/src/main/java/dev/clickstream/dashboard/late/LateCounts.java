package dev.clickstream.dashboard.late;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import dev.clickstream.dashboard.late.LateView.LateWindow;
import dev.clickstream.model.SeedTime;

/**
 * Late events counted per window they missed, from the window-start header of each record of the late-events topic:
 * plain arithmetic, no Kafka types. Only the newest {@code maxWindows} windows are kept, by start: a late event for
 * an older one counts in the total alone. A record whose header is missing, or is not a time, is skipped, and counted
 * as skipped.
 *
 * <p>One thread adds; any thread may read the view.
 */
final class LateCounts {

	private final Instant from;

	private final int maxWindows;

	// long[1] rather than Long: a window's count goes up in place, once for every late event.
	private final TreeMap<Instant, long[]> windows = new TreeMap<>();

	private long total;

	private long skipped;

	private @Nullable String error;

	/**
	 * @param from the time of the oldest record counted: the follower starts at the first record written then or
	 * later
	 * @param maxWindows how many windows are kept, the newest by start
	 */
	LateCounts(Instant from, int maxWindows) {
		if (maxWindows < 1) {
			throw new IllegalArgumentException("at least one window must be kept, was " + maxWindows);
		}
		this.from = from;
		this.maxWindows = maxWindows;
	}

	Instant from() {
		return this.from;
	}

	/**
	 * Counts one record of the late-events topic.
	 * @param windowStart its window-start header's value, null if it has none
	 * @return false if it was skipped: no header, or one that is not a time
	 */
	synchronized boolean add(byte @Nullable [] windowStart) {
		Instant start = parse(windowStart);
		if (start == null) {
			this.skipped++;
			return false;
		}
		this.total++;
		long[] count = this.windows.get(start);
		if (count != null) {
			count[0]++;
			return true;
		}
		if (this.windows.size() >= this.maxWindows) {
			if (start.isBefore(this.windows.firstKey())) {
				return true;
			}
			this.windows.pollFirstEntry();
		}
		this.windows.put(start, new long[] { 1 });
		return true;
	}

	/** The follower cannot read the topic: the view says why until it can again. */
	synchronized void failed(String error) {
		this.error = error;
	}

	synchronized void recovered() {
		this.error = null;
	}

	synchronized LateView view() {
		List<LateWindow> listed = new ArrayList<>(this.windows.size());
		for (Map.Entry<Instant, long[]> window : this.windows.entrySet()) {
			listed.add(new LateWindow(SeedTime.format(window.getKey()), window.getValue()[0]));
		}
		return new LateView(this.from, List.copyOf(listed), this.total, this.skipped, this.error);
	}

	private static @Nullable Instant parse(byte @Nullable [] windowStart) {
		if (windowStart == null) {
			return null;
		}
		try {
			return SeedTime.parse(new String(windowStart, StandardCharsets.UTF_8));
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
