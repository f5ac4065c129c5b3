package dev.clickstream.producer.generator;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * How many events each tick emits so that the long-run rate is exactly the configured one, and when an optional
 * limit is reached. The generator's thread plans ticks; the rate and the pause can be changed from any thread.
 */
final class EmissionPlan {

	private static final long NANOS_PER_SECOND = 1_000_000_000L;

	private final Duration tick;

	private final @Nullable Long limit;

	private volatile long ratePerSecond;

	/** Events owed per tick, in units of 1/10⁹ event, so that no rate or tick loses a fraction to rounding. */
	private long owedPerTick;

	/** The fraction of an event not yet emitted, carried to the next tick; always below one event. */
	private long carried;

	private volatile long emitted;

	private volatile boolean paused;

	EmissionPlan(long ratePerSecond, Duration tick, @Nullable Long limit) {
		if (tick.isNegative() || tick.isZero()) {
			throw new IllegalArgumentException("tick must be positive, was " + tick);
		}
		this.tick = tick;
		this.limit = limit;
		rate(ratePerSecond);
	}

	/**
	 * Plans the next tick.
	 * @return the events due this tick; those not handed to Kafka must be given back with {@link #unsent}
	 */
	synchronized long next() {
		if (this.paused) {
			return 0;
		}
		this.carried += this.owedPerTick;
		long due = this.carried / NANOS_PER_SECOND;
		this.carried %= NANOS_PER_SECOND;
		if (this.limit != null) {
			due = Math.min(due, this.limit - this.emitted);
		}
		this.emitted += due;
		return due;
	}

	/**
	 * Takes back events planned but never handed to Kafka, so that they do not count against the limit. They are
	 * skipped, not carried over to the next tick, so a broker outage cannot build up a backlog.
	 */
	synchronized void unsent(long count) {
		this.emitted -= count;
	}

	/** From the next tick on, emits {@code ratePerSecond} events a second. */
	synchronized void rate(long ratePerSecond) {
		if (ratePerSecond <= 0) {
			throw new IllegalArgumentException("rate must be positive, was " + ratePerSecond);
		}
		this.owedPerTick = Math.multiplyExact(ratePerSecond, this.tick.toNanos());
		this.ratePerSecond = ratePerSecond;
	}

	long rate() {
		return this.ratePerSecond;
	}

	/** A paused plan emits nothing, and owes nothing for the time it was paused. */
	synchronized void paused(boolean paused) {
		this.paused = paused;
		this.carried = 0;
	}

	boolean paused() {
		return this.paused;
	}

	boolean finished() {
		Long max = this.limit;
		return max != null && this.emitted >= max;
	}

	@Nullable Long limit() {
		return this.limit;
	}

	/** Events handed to Kafka so far. */
	long emitted() {
		return this.emitted;
	}

}
