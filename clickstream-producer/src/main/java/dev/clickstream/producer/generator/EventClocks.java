package dev.clickstream.producer.generator;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/** Where events' dates come from, apart from the wall clock. */
final class EventClocks {

	private static final double NANOS_PER_SECOND = 1e9;

	private EventClocks() {
	}

	/**
	 * A clock that starts at {@code start} and moves {@code speed} / rate seconds on with each event, rate being the
	 * generator's rate at the time. Simulated time so passes {@code speed} times as fast as real time, and the dates
	 * depend only on how many events came before: the same run gives the same dates, however the machine keeps up.
	 */
	static Supplier<Instant> simulated(Instant start, double speed, LongSupplier ratePerSecond) {
		return new Supplier<>() {

			private double elapsedNanos;

			@Override
			public Instant get() {
				Instant date = start.plusNanos((long) this.elapsedNanos);
				this.elapsedNanos += speed * NANOS_PER_SECOND / ratePerSecond.getAsLong();
				return date;
			}

		};
	}

	/**
	 * Makes a {@code fraction} of the clock's dates late, as buffering mobile clients send them: earlier than the clock
	 * by a whole number of seconds drawn uniformly from 1 to {@code maxLateness}.
	 */
	static Supplier<Instant> withLateArrivals(Supplier<Instant> clock, double fraction, Duration maxLateness,
			SplittableRandom random) {
		long maxSeconds = maxLateness.toSeconds();
		if (fraction <= 0) {
			return clock;
		}
		if (maxSeconds < 1) {
			throw new IllegalArgumentException("max lateness must be at least a second, was " + maxLateness);
		}
		return () -> {
			Instant now = clock.get();
			return random.nextDouble() < fraction ? now.minusSeconds(1 + random.nextLong(maxSeconds)) : now;
		};
	}

}
