package dev.clickstream.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What the dashboard shows, as {@code GET /api/dashboard} returns it and as each server-sent event carries it.
 *
 * @param time when these figures were taken, in milliseconds since the epoch
 * @param loaded whether the snapshot topic has been read to its end once; before that the totals are not known
 * @param totals the newest committed snapshot's count per event name
 * @param total the sum of {@code totals}
 * @param snapshotAt the newest snapshot's {@code receiveAt}, if there is one
 * @param countedPerSecond events counted per second, all event names, as of the newest point
 * @param snapshotsPerSecond snapshots this instance committed per second, over the last few seconds
 * @param lag records on the event topic not yet read by this instance's counting consumers
 * @param deadLettered records this instance sent to the dead-letter topic
 * @param producer what the click-stream producer says it produced
 * @param latency from an event's timestamp to the commit of the first snapshot including it, if measured here
 * @param points rates per event name: the whole history in {@code /api/dashboard} and the first event of a stream,
 * only the new points in the events after it
 */
record DashboardState(long time, boolean loaded, Map<String, Long> totals, long total, @Nullable Instant snapshotAt,
		double countedPerSecond, double snapshotsPerSecond, Lag lag, DeadLetters deadLettered, Producer producer,
		@Nullable Latency latency, List<RateHistory.Point> points) {

	/**
	 * @param total the sum over the partitions below
	 * @param partitions records behind the end of each partition this instance reads, by {@code topic-partition}
	 * @param source {@value #CONSUMERS}: this instance's consumers' own figures; {@value #COMMITTED_OFFSETS}: before
	 * they have any, the counting group's, every partition, from its committed offsets
	 */
	record Lag(long total, Map<String, Long> partitions, String source) {

		static final String CONSUMERS = "consumers";

		static final String COMMITTED_OFFSETS = "committed-offsets";

	}

	/**
	 * @param total all dead-lettered records
	 * @param byReason dead-lettered records per reason
	 */
	record DeadLetters(long total, Map<String, Long> byReason) {
	}

	/**
	 * @param status {@code reachable}, {@code unreachable}, {@code unknown} before the first answer, or
	 * {@code not-configured}
	 * @param produced events the producer's broker acknowledged, while reachable
	 * @param readAt when the producer answered, or failed to, in milliseconds since the epoch; 0 before that
	 * @param url where the figure comes from
	 * @param error why it is unreachable
	 */
	record Producer(String status, @Nullable Long produced, long readAt, @Nullable String url, @Nullable String error) {

		static Producer notConfigured() {
			return new Producer("not-configured", null, 0, null, null);
		}

	}

	/**
	 * @param count events measured
	 * @param meanSeconds their mean latency
	 * @param maxSeconds the largest latency in the last few minutes
	 * @param percentiles latency in seconds by percentile, e.g. {@code "p99"}
	 */
	record Latency(long count, double meanSeconds, double maxSeconds, Map<String, Double> percentiles) {
	}

}
