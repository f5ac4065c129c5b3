package dev.clickstream.kafka;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.validation.annotation.Validated;

/**
 * @param timeout how long the Kafka health check waits for the cluster before it reports DOWN
 */
@Validated
@ConfigurationProperties("clickstream.health.kafka")
public record KafkaHealthProperties(
		@DefaultValue("2s") @DurationUnit(ChronoUnit.MILLIS) @PositiveDuration Duration timeout) {

}
