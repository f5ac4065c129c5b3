package dev.clickstream.producer.generator;

import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the generator's state, changes its rate, pauses and resumes it while it runs. */
public final class GeneratorControl {

	/** The highest rate accepted, at startup and at runtime. */
	public static final int MAX_RATE = GeneratorProperties.MAX_RATE;

	/** Above this limit the expected totals would take seconds of a core to work out, and are not given. */
	static final long MAX_LIMIT_FOR_TOTALS = 100_000_000L;

	private static final Logger log = LoggerFactory.getLogger(GeneratorControl.class);

	private final GeneratorProperties properties;

	private final Traffic traffic;

	private final EmissionPlan plan;

	private final LongSupplier acknowledged;

	private volatile @Nullable Map<String, Long> expectedTotals;

	GeneratorControl(GeneratorProperties properties, Traffic traffic, EmissionPlan plan, LongSupplier acknowledged) {
		this.properties = properties;
		this.traffic = traffic;
		this.plan = plan;
		this.acknowledged = acknowledged;
	}

	public GeneratorStatus status() {
		return new GeneratorStatus(lowerCase(this.properties.model()), this.traffic.seed(),
				this.properties.seed() != null, lowerCase(this.properties.clock()), this.plan.rate(),
				this.plan.paused(), this.plan.emitted(), this.acknowledged.getAsLong(), this.plan.limit(),
				expectedTotals());
	}

	/**
	 * Changes what is given; null leaves it as it is.
	 * @throws IllegalArgumentException for a rate that is not positive or above {@link #MAX_RATE}, changing nothing
	 */
	public GeneratorStatus change(@Nullable Long rate, @Nullable Boolean paused) {
		if (rate != null) {
			if (rate <= 0 || rate > MAX_RATE) {
				throw new IllegalArgumentException("rate must be from 1 to " + MAX_RATE + ", was " + rate);
			}
			this.plan.rate(rate);
			log.info("Generating {} events a second", rate);
		}
		if (paused != null && paused != this.plan.paused()) {
			this.plan.paused(paused);
			log.info(paused ? "Paused after {} events" : "Resumed after {} events", this.plan.emitted());
		}
		return status();
	}

	// Worked out at the first request rather than at startup: a dry run of the model costs up to a few seconds.
	private @Nullable Map<String, Long> expectedTotals() {
		Long limit = this.plan.limit();
		if (limit == null || limit > MAX_LIMIT_FOR_TOTALS) {
			return null;
		}
		Map<String, Long> totals = this.expectedTotals;
		if (totals == null) {
			totals = Map.copyOf(this.traffic.totals(limit));
			this.expectedTotals = totals;
		}
		return totals;
	}

	private static String lowerCase(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

}
