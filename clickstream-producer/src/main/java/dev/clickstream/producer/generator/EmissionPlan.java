package dev.clickstream.producer.generator;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * How many events each tick emits so that the long-run rate is exactly the configured one, and when an optional
 * limit is reached. Used by one thread at a time.
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
	 * @return the events due this tick; those not handed to Kafka must be given back with {@link #unsent}
	 */
	long next() {
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
	void unsent(long count) {
		this.emitted -= count;
	}

	boolean finished() {
		return this.limit != null && this.emitted >= this.limit;
	}

	long emitted() {
		return this.emitted;
	}

}
