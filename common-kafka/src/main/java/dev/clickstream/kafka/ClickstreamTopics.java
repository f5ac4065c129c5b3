package dev.clickstream.kafka;

import java.util.Map;
import java.util.Objects;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.validation.annotation.Validated;

/**
 * Every topic of the pipeline, its name, partitions and configuration: the one place they are declared. The services
 * create the topics they write (both the click events and the snapshots, so either may start first; the listener its
 * changelog and dead letters).
 *
 * @param events the topic of click events
 * @param uniqueEvents the topic of counts snapshots
 * @param changelog the listener's compacted changelog of each partition's committed counts
 * @param deadLetters the records of the event topic that are not click events
 * @param windowChangelog the listener's compacted changelog of each partition's counts per event-time window
 * @param lateEvents the events that came after their event-time window had closed
 * @param windowResults the counts of each event-time window, running and final
 * @param allTime the unique users and top products over every event counted
 * @param checkpoints the listener's compacted checkpoints of each partition's state with its sketches
 * @param replicationFactor replicas of each topic; 1 for a single local broker, 3 in production
 */
@Validated
@ConfigurationProperties("clickstream.topics")
public record ClickstreamTopics(@Valid @DefaultValue Events events, @Valid @DefaultValue UniqueEvents uniqueEvents,
		@Valid @DefaultValue Changelog changelog, @Valid @DefaultValue DeadLetters deadLetters,
		@Valid @DefaultValue WindowChangelog windowChangelog, @Valid @DefaultValue LateEvents lateEvents,
		@Valid @DefaultValue WindowResults windowResults, @Valid @DefaultValue AllTime allTime,
		@Valid @DefaultValue Checkpoints checkpoints, @DefaultValue("1") @Min(1) short replicationFactor) {

	public static final String DEFAULT_EVENTS = "event-topic";

	public static final String DEFAULT_UNIQUE_EVENTS = "unique-event-topic";

	public static final String DEFAULT_CHANGELOG = "event-counts-changelog";

	/** Appended to the event topic's name to name the dead-letter topic, unless it is named itself. */
	public static final String DEAD_LETTER_SUFFIX = ".DLT";

	public static final String DEFAULT_WINDOW_CHANGELOG = "event-counts-windows-changelog";

	public static final String DEFAULT_WINDOW_RESULTS = "event-counts-per-minute";

	public static final String DEFAULT_ALL_TIME = "event-figures-all-time";

	public static final String DEFAULT_CHECKPOINTS = "event-counts-checkpoints";

	/** Appended to the event topic's name to name the late-events topic, unless it is named itself. */
	public static final String LATE_EVENTS_SUFFIX = ".late";

	/** A name Kafka accepts for a topic. */
	static final String TOPIC_NAME = "[a-zA-Z0-9._-]{1,249}";

	public ClickstreamTopics {
		if (deadLetters.name() == null || deadLetters.name().isBlank()) {
			deadLetters = new DeadLetters(events.name() + DEAD_LETTER_SUFFIX);
		}
		if (lateEvents.name() == null || lateEvents.name().isBlank()) {
			lateEvents = new LateEvents(events.name() + LATE_EVENTS_SUFFIX);
		}
	}

	/** The topics as a service of the default configuration sees them. */
	public static ClickstreamTopics defaults() {
		return new ClickstreamTopics(new Events(DEFAULT_EVENTS, Events.DEFAULT_PARTITIONS),
				new UniqueEvents(DEFAULT_UNIQUE_EVENTS), new Changelog(DEFAULT_CHANGELOG), new DeadLetters(null),
				new WindowChangelog(DEFAULT_WINDOW_CHANGELOG), new LateEvents(null),
				new WindowResults(DEFAULT_WINDOW_RESULTS), new AllTime(DEFAULT_ALL_TIME),
				new Checkpoints(DEFAULT_CHECKPOINTS), (short) 1);
	}

	public NewTopic eventTopic() {
		return TopicBuilder.name(this.events.name())
			.partitions(this.events.partitions())
			.replicas(this.replicationFactor)
			.build();
	}

	public NewTopic uniqueEventTopic() {
		return TopicBuilder.name(this.uniqueEvents.name()).partitions(1).replicas(this.replicationFactor).build();
	}

	/** As many partitions as the event topic: partition p holds the counts of partition p of the event topic. */
	public NewTopic changelogTopic() {
		return compacted(this.changelog.name(), this.events.partitions());
	}

	/** As many partitions as the event topic: a record that is not a click event goes to the partition it came from. */
	public NewTopic deadLetterTopic() {
		return TopicBuilder.name(deadLetterName())
			.partitions(this.events.partitions())
			.replicas(this.replicationFactor)
			.build();
	}

	public String deadLetterName() {
		return Objects.requireNonNull(this.deadLetters.name());
	}

	/**
	 * As many partitions as the event topic: partition p holds the window counts of partition p of the event topic,
	 * the newest of each window kept.
	 */
	public NewTopic windowChangelogTopic() {
		return compacted(this.windowChangelog.name(), this.events.partitions());
	}

	/** As many partitions as the event topic: a late event goes to the partition it came from. */
	public NewTopic lateEventsTopic() {
		return TopicBuilder.name(lateEventsName())
			.partitions(this.events.partitions())
			.replicas(this.replicationFactor)
			.build();
	}

	/**
	 * One partition, keyed by window start, compacted: each window's newest record, the final one once there is one.
	 */
	public NewTopic windowResultsTopic() {
		return compacted(this.windowResults.name(), 1);
	}

	/** One partition, compacted: only the newest figures matter. */
	public NewTopic allTimeTopic() {
		return compacted(this.allTime.name(), 1);
	}

	/**
	 * As many partitions as the event topic: partition p holds the newest checkpoint of partition p of the event
	 * topic, its state with the unique-user and top-product sketches.
	 */
	public NewTopic checkpointsTopic() {
		return compacted(this.checkpoints.name(), this.events.partitions());
	}

	/** A topic that keeps the newest record of each key: state, not a stream of events. */
	private NewTopic compacted(String name, int partitions) {
		return TopicBuilder.name(name)
			.partitions(partitions)
			.replicas(this.replicationFactor)
			.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))
			.build();
	}

	public String lateEventsName() {
		return Objects.requireNonNull(this.lateEvents.name());
	}

	/**
	 * @param name the topic click events are written to
	 * @param partitions how many partitions it has: the most listener instances that can share the work
	 */
	public record Events(@DefaultValue(DEFAULT_EVENTS) @NotBlank @Pattern(regexp = TOPIC_NAME) String name,
			@DefaultValue("" + Events.DEFAULT_PARTITIONS) @Min(1) @Max(1000) int partitions) {

		static final int DEFAULT_PARTITIONS = 3;

	}

	/**
	 * Always one partition: snapshots then have one total order, and the newest record is the current totals.
	 *
	 * @param name the topic counts snapshots are written to
	 */
	public record UniqueEvents(
			@DefaultValue(DEFAULT_UNIQUE_EVENTS) @NotBlank @Pattern(regexp = TOPIC_NAME) String name) {
	}

	/**
	 * @param name the compacted topic that holds each partition's committed counts; renaming it on a running
	 * pipeline starts the counts from zero
	 */
	public record Changelog(@DefaultValue(DEFAULT_CHANGELOG) @NotBlank @Pattern(regexp = TOPIC_NAME) String name) {
	}

	/**
	 * @param name the dead-letter topic; by default the event topic's name followed by {@code .DLT}
	 */
	public record DeadLetters(@Nullable @Pattern(regexp = TOPIC_NAME) String name) {
	}

	/**
	 * @param name the compacted topic that holds each partition's counts per event-time window; renaming it on a
	 * running pipeline loses the windows' counts so far
	 */
	public record WindowChangelog(
			@DefaultValue(DEFAULT_WINDOW_CHANGELOG) @NotBlank @Pattern(regexp = TOPIC_NAME) String name) {
	}

	/**
	 * @param name the topic of each event-time window's counts, keyed by the window's start
	 */
	public record WindowResults(
			@DefaultValue(DEFAULT_WINDOW_RESULTS) @NotBlank @Pattern(regexp = TOPIC_NAME) String name) {
	}

	/**
	 * @param name the late-events topic; by default the event topic's name followed by {@code .late}
	 */
	public record LateEvents(@Nullable @Pattern(regexp = TOPIC_NAME) String name) {
	}

	/**
	 * @param name the topic of the unique users and top products over every event counted, next to the counts
	 * snapshots
	 */
	public record AllTime(@DefaultValue(DEFAULT_ALL_TIME) @NotBlank @Pattern(regexp = TOPIC_NAME) String name) {
	}

	/**
	 * @param name the compacted topic that holds each partition's newest checkpoint of its sketches; renaming it on a
	 * running pipeline marks the unique users and top products since the start as missing the events before
	 */
	public record Checkpoints(
			@DefaultValue(DEFAULT_CHECKPOINTS) @NotBlank @Pattern(regexp = TOPIC_NAME) String name) {
	}

}
