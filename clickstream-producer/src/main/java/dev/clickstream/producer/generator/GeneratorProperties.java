package dev.clickstream.producer.generator;

import java.time.Duration;
import java.util.List;

import dev.clickstream.kafka.PositiveDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;
import org.hibernate.validator.constraints.time.DurationMax;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the generator makes and how fast. The bounds on rate and tick keep rate × tick within a {@code long} of
 * nanoseconds.
 *
 * @param rate events generated per second, on average over time
 * @param tick how often a batch of rate × tick events is sent; shorter is smoother, longer makes fewer, larger sends
 * @param eventNames the event names to pick from, uniformly at random
 * @param limit stop after this many events have been handed to Kafka; unset to generate for ever
 * @param maxInFlight the most events sent but not yet acknowledged; events due beyond it are skipped and counted,
 * not queued, so memory stays bounded while the broker is away
 */
@Validated
@ConfigurationProperties("clickstream.generator")
record GeneratorProperties(@DefaultValue("100") @Positive @Max(10_000_000) int rate,
		@DefaultValue("100ms") @PositiveDuration @DurationMax(minutes = 1) Duration tick,
		@DefaultValue({ "productview", "purchase", "addtobasket", "removefrombasket" }) @NotEmpty List<@NotBlank String> eventNames,
		@Nullable @Positive Long limit, @DefaultValue("50000") @Positive int maxInFlight) {

}
