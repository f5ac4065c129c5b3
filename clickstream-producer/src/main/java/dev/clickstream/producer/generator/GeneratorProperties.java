package dev.clickstream.producer.generator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.clickstream.kafka.PositiveDuration;
import dev.clickstream.model.EventNames;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the generator makes and how fast. The bounds on rate and tick keep rate × tick within a {@code long} of
 * nanoseconds.
 *
 * @param model {@code shop}, sessions walking a funnel over a catalog of popular and unpopular products, or
 * {@code seed}, the original script's uniformly random events
 * @param seed makes the sequence of events the same from run to run; unset, a random seed is drawn and reported
 * @param rate events generated per second, on average over time
 * @param tick how often a batch of rate × tick events is sent; shorter is smoother, longer makes fewer, larger sends
 * @param eventNames the {@code seed} model's event names, picked uniformly at random
 * @param limit stop after this many events have been handed to Kafka; unset to generate for ever
 * @param maxInFlight the most events sent but not yet acknowledged; events due beyond it are skipped and counted,
 * not queued, so memory stays bounded while the broker is away
 * @param clock {@code wall}, events dated now, or {@code simulated}, dated by a clock that the events drive
 * @param simulated the simulated clock's start and speed
 * @param late how many events arrive late, and how late at most
 * @param shop the {@code shop} model's catalog, population and funnel
 */
@Validated
@ConfigurationProperties("clickstream.generator")
record GeneratorProperties(@DefaultValue("shop") Model model, @Nullable Long seed,
		@DefaultValue("100") @Positive @Max(MAX_RATE) int rate,
		@DefaultValue("100ms") @PositiveDuration @DurationMax(minutes = 1) Duration tick,
		@DefaultValue({ EventNames.PRODUCT_VIEW, EventNames.PURCHASE, EventNames.ADD_TO_BASKET,
				EventNames.REMOVE_FROM_BASKET }) @NotEmpty List<@NotBlank String> eventNames,
		@Nullable @Positive Long limit, @DefaultValue("50000") @Positive int maxInFlight,
		@DefaultValue("wall") Clock clock, @Valid @DefaultValue Simulated simulated, @Valid @DefaultValue Late late,
		@Valid @DefaultValue ShopSettings shop) {

	static final int MAX_RATE = 10_000_000;

	@AssertTrue(message = "event-names applies to the seed model only: the shop model emits the funnel's "
			+ "productview, addtobasket, removefrombasket and purchase")
	public boolean isEventNamesOnlyForTheSeedModel() {
		return this.model == Model.SEED || this.eventNames.equals(EventNames.SEED);
	}

	enum Model {

		SHOP, SEED

	}

	enum Clock {

		WALL, SIMULATED

	}

	/**
	 * @param start the first event's date
	 * @param speed simulated seconds per real second, at the generator's rate: 60 replays an hour in a minute
	 */
	record Simulated(@DefaultValue("2026-01-01T00:00:00Z") Instant start,
			@DefaultValue("60") @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000000") double speed) {

	}

	/**
	 * @param fraction the share of events dated earlier than the clock
	 * @param maxLateness how much earlier at most, in whole seconds
	 */
	record Late(@DefaultValue("0") @DecimalMin("0") @DecimalMax("1") double fraction,
			@DefaultValue("2m") @DurationMin(seconds = 1) @DurationMax(days = 7) Duration maxLateness) {

	}

}
