package dev.clickstream.listener.counting;

/**
 * Tumbling event-time windows and when they close. A window [start, start + size) closes on a partition once the
 * partition's watermark, the latest event time it has seen, reaches its end plus the grace period; an event for a
 * window already closed is late. Both follow from the partition's records in offset order alone, so counting them
 * again after a crash decides the same.
 */
final class EventTimeWindows {

	private final long sizeSeconds;

	private final long graceSeconds;

	EventTimeWindows(long sizeSeconds, long graceSeconds) {
		if (sizeSeconds < 1 || graceSeconds < 0) {
			throw new IllegalArgumentException(
					"window size must be at least a second and grace not negative, were " + sizeSeconds + " s and "
							+ graceSeconds + " s");
		}
		this.sizeSeconds = sizeSeconds;
		this.graceSeconds = graceSeconds;
	}

	/** The start of the window an event of this time belongs to, in epoch seconds. */
	long start(long eventSecond) {
		return Math.floorDiv(eventSecond, this.sizeSeconds) * this.sizeSeconds;
	}

	long end(long start) {
		return start + this.sizeSeconds;
	}

	/** Whether the window starting at {@code start} is closed on a partition with this watermark. */
	boolean closed(long start, long watermark) {
		return watermark != Long.MIN_VALUE && end(start) + this.graceSeconds <= watermark;
	}

	/** How long after its window's end an event of this time arrives, in seconds, on a partition with this watermark. */
	long lateness(long eventSecond, long watermark) {
		return watermark - end(start(eventSecond));
	}

}
