package dev.clickstream.dashboard;

import java.util.ArrayDeque;

/**
 * The rate of a monotonic count over a sliding window, from readings taken at any times. Not thread-safe.
 */
final class CounterRate {

	private record Reading(long time, double value) {
	}

	private final long windowMillis;

	private final ArrayDeque<Reading> readings = new ArrayDeque<>();

	CounterRate(long windowMillis) {
		this.windowMillis = windowMillis;
	}

	/** Takes in a reading and returns the rate per second since the oldest reading in the window; 0 at first. */
	double update(long now, double value) {
		this.readings.addLast(new Reading(now, value));
		while (this.readings.size() > 2 && now - this.readings.getFirst().time() > this.windowMillis) {
			this.readings.removeFirst();
		}
		Reading oldest = this.readings.getFirst();
		double seconds = (now - oldest.time()) / 1000.0;
		double delta = value - oldest.value();
		// A counter that starts over (a meter registered anew) would show a negative rate for one window.
		return (seconds <= 0 || delta <= 0) ? 0.0 : Math.round(delta / seconds * 100) / 100.0;
	}

}
