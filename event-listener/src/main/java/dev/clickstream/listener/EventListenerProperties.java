package dev.clickstream.listener;

import java.time.Duration;
import java.util.List;

import dev.clickstream.kafka.PositiveDuration;
import dev.clickstream.model.EventNames;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;

import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the event-listener. Kafka client settings are under {@code spring.kafka.*}, topics under
 * {@code clickstream.topics.*}.
 *
 * @param instanceId names this instance among several; part of its Kafka transactional id, so it must be unique
 * among running instances and stable across restarts of the same one
 * @param counting how events are counted
 * @param snapshots how the totals are published
 * @param windows how events are counted per event-time window
 * @param faults faults to inject on purpose, for testing recovery; none by default
 */
@Validated
@ConfigurationProperties("clickstream")
public record EventListenerProperties(@NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,100}") String instanceId,
		@Valid @DefaultValue Counting counting, @Valid @DefaultValue Snapshots snapshots,
		@Valid @DefaultValue Windows windows, @Valid @DefaultValue Faults faults) {

	/**
	 * @param eventNames the event names counted, shown in every snapshot (at zero until seen) in this order
	 * @param unknownEventNames what happens to an event whose name is not in {@code eventNames}
	 * @param maxEventBytes records larger than this are not click events and go to the dead-letter topic
	 * @param restoreTimeout how long restoring a partition's counts from the changelog may take before it fails
	 * @param compactReader read events in the generator's compact form byte by byte, without a JSON parser (anything
	 * else is parsed in full either way); off, every record is parsed
	 */
	public record Counting(
			@DefaultValue({ EventNames.PRODUCT_VIEW, EventNames.PURCHASE, EventNames.ADD_TO_BASKET,
					EventNames.REMOVE_FROM_BASKET }) @NotEmpty List<@NotBlank String> eventNames,
			@DefaultValue("dead-letter") UnknownEventNames unknownEventNames,
			@DefaultValue("4096") @Min(128) @Max(1_048_576) int maxEventBytes,
			@DefaultValue("30s") @PositiveDuration Duration restoreTimeout, @DefaultValue("true") boolean compactReader) {

		public enum UnknownEventNames {

			/** Send the event to the dead-letter topic, uncounted. */
			DEAD_LETTER,
			/** Count it under its own name; snapshots then show that name too. */
			COUNT

		}

	}

	/**
	 * @param mode {@code interval}: at most one snapshot per interval while counts change; {@code every-event}: one
	 * snapshot after each event, as the original design did
	 * @param interval the shortest time between two snapshots in {@code interval} mode
	 * @param groupId the consumer group whose single member publishes the snapshots
	 */
	public record Snapshots(@DefaultValue("interval") Mode mode,
			@DefaultValue("1s") @PositiveDuration Duration interval,
			@DefaultValue("event-listener-snapshots") @NotBlank String groupId) {

		public enum Mode {

			INTERVAL, EVERY_EVENT

		}

	}

	/**
	 * Tumbling windows by the events' own dates, counted in the same transaction and changelog as the totals.
	 *
	 * @param enabled count per window; off, only the all-time totals are counted
	 * @param size each window's length, in whole seconds
	 * @param grace how long after a window's end, in event time, its events are still counted in it; later ones are
	 * late
	 * @param writeLateEvents whether late events are copied to the late-events topic, besides being counted in the
	 * totals and in a metric
	 * @param retention how long, in event time, windows are kept after they close: queried over HTTP, and on the
	 * results topic
	 * @param idleTimeout how long a partition may bring no window counts before the publisher stops waiting for it to
	 * close windows: an idle partition never holds windows open for ever
	 * @param groupId the consumer group whose single member publishes the window results
	 * @param checkpointInterval how often, at most, a partition writes its sketches to the checkpoints topic while its
	 * events come; a partition whose events pause is checkpointed a quarter of this later. A restart counts the events
	 * since the last checkpoint again, for their sketches
	 */
	public record Windows(@DefaultValue("true") boolean enabled,
			@DefaultValue("1m") @DurationMin(seconds = 1) @DurationMax(days = 1) Duration size,
			@DefaultValue("30s") @DurationMin(seconds = 0) @DurationMax(days = 1) Duration grace,
			@DefaultValue("true") boolean writeLateEvents,
			@DefaultValue("24h") @DurationMin(minutes = 1) @DurationMax(days = 366) Duration retention,
			@DefaultValue("5m") @PositiveDuration Duration idleTimeout,
			@DefaultValue("event-listener-windows") @NotBlank String groupId,
			@DefaultValue("2s") @PositiveDuration Duration checkpointInterval) {

		/** Windows a partition may hold open at once: each rides, with its sketches, in the partition's checkpoint. */
		static final int MAX_GRACE_IN_SIZES = 30;

		@AssertTrue(message = "size and grace must be whole seconds, as event dates are")
		public boolean isWholeSeconds() {
			return this.size.toNanosPart() == 0 && this.grace.toNanosPart() == 0;
		}

		// Up to 30 open windows of up to 16 KB of sketches each keep a checkpoint record well within Kafka's default
		// limit of 1 MB a record; beyond, counting would stop on records too large to write.
		@AssertTrue(message = "grace may be at most " + MAX_GRACE_IN_SIZES + " window sizes: every window open on a "
				+ "partition carries its unique-user and top-product sketches, up to 16 KB, in the partition's "
				+ "checkpoint record, which Kafka limits to 1 MB by default")
		public boolean isFewEnoughOpenWindows() {
			return this.grace.compareTo(this.size.multipliedBy(MAX_GRACE_IN_SIZES)) <= 0;
		}

	}

	/**
	 * @param failEveryNthBatch fail every n-th counting batch after its writes and before its commit, so that its
	 * transaction rolls back; 0 never fails
	 */
	public record Faults(@DefaultValue("0") @Min(0) int failEveryNthBatch) {
	}

}
