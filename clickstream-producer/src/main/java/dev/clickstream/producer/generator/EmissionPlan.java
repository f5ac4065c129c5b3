package dev.clickstream.producer.generator;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * How many events each tick emits so that the long-run rate is exactly the configured one, how many it must skip
 * because the publisher has no room, and when an optional limit is reached. Used by one thread at a time.
 */
final class EmissionPlan {

	private static final long NANOS_PER_SECOND = 1_000_000_000L;

	/** Events owed per tick, in units of 1/10⁹ event, so that no rate or tick loses a fraction to rounding. */
	private final long owedPerTick;

	private final @Nullable Long limit;

	/** The fraction of an event not yet emitted, carried to the next tick; always below one event. */
	private long carried;

	private long emitted;

	EmissionPlan(long ratePerSecond, Duration tick, @Nullable Long limit) {
		if (ratePerSecond <= 0 || tick.isNegative() || tick.isZero()) {
			throw new IllegalArgumentException(
					"rate and tick must be positive, were " + ratePerSecond + " and " + tick);
		}
		this.owedPerTick = Math.multiplyExact(ratePerSecond, tick.toNanos());
		this.limit = limit;
	}

	/**
	 * Plans the next tick.
	 * @param room how many more events the publisher accepts now; what does not fit is skipped, not carried over,
	 * so a broker outage cannot build up a backlog
	 */
	Tick next(long room) {
		this.carried += this.owedPerTick;
		long due = this.carried / NANOS_PER_SECOND;
		this.carried %= NANOS_PER_SECOND;
		if (this.limit != null) {
			due = Math.min(due, this.limit - this.emitted);
		}
		long emit = Math.min(due, Math.max(room, 0));
		this.emitted += emit;
		return new Tick(emit, due - emit);
	}

	/** Takes back events planned but never handed to Kafka, so that they still count against the limit. */
	void unsent(long count) {
		this.emitted -= count;
	}

	boolean finished() {
		return this.limit != null && this.emitted >= this.limit;
	}

	long emitted() {
		return this.emitted;
	}

	/**
	 * @param emit events to make and send this tick
	 * @param skipped events due this tick that were dropped because the publisher had no room
	 */
	record Tick(long emit, long skipped) {
	}

}
