package dev.clickstream.kafka;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The topics the two services exchange records on. Both services declare them, so either may start first.
 *
 * @param events the topic of click events
 * @param uniqueEvents the topic of counts snapshots
 * @param replicationFactor replicas of each topic; 1 for a single local broker, 3 in production
 */
@Validated
@ConfigurationProperties("clickstream.topics")
public record ClickstreamTopics(@Valid @DefaultValue Events events, @Valid @DefaultValue UniqueEvents uniqueEvents,
		@DefaultValue("1") @Min(1) short replicationFactor) {

	/** A name Kafka accepts for a topic. */
	static final String TOPIC_NAME = "[a-zA-Z0-9._-]{1,249}";

	/**
	 * @param name the topic click events are written to
	 * @param partitions how many partitions it has: the most listener instances that can share the work
	 */
	public record Events(@DefaultValue("event-topic") @NotBlank @Pattern(regexp = TOPIC_NAME) String name,
			@DefaultValue("3") @Min(1) @Max(1000) int partitions) {
	}

	/**
	 * Always one partition: snapshots then have one total order, and the newest record is the current totals.
	 *
	 * @param name the topic counts snapshots are written to
	 */
	public record UniqueEvents(@DefaultValue("unique-event-topic") @NotBlank @Pattern(regexp = TOPIC_NAME) String name) {
	}

}
