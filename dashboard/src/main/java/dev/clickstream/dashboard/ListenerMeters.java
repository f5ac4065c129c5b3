package dev.clickstream.dashboard;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import org.jspecify.annotations.Nullable;

import dev.clickstream.dashboard.DashboardState.DeadLetters;
import dev.clickstream.dashboard.DashboardState.Lag;
import dev.clickstream.dashboard.DashboardState.Latency;
import dev.clickstream.dashboard.topics.CommittedLag;
import dev.clickstream.kafka.ClickstreamTopics;
import dev.clickstream.model.MetricNames;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Reads this instance's figures from its meters: the ones the counting code registers, and the Kafka client metrics
 * that Spring Boot binds to every consumer its factory makes. Nothing here counts anything itself.
 */
class ListenerMeters {

	private final MeterRegistry registry;

	private final String eventTopic;

	private final ObjectProvider<CommittedLag> committedLag;

	private final String countingGroup;

	ListenerMeters(MeterRegistry registry, ClickstreamTopics topics, ObjectProvider<CommittedLag> committedLag,
			DashboardSource source) {
		this.registry = registry;
		this.eventTopic = topics.events().name();
		this.committedLag = committedLag;
		this.countingGroup = source.countingGroup();
	}

	/**
	 * Lag of the event topic's partitions that this instance's consumers are assigned; until they report it (a
	 * consumer's lag metric appears after its first fetches), the counting group's, from its committed offsets.
	 */
	Lag lag() {
		Map<Integer, Long> byPartition = new TreeMap<>();
		for (Gauge gauge : this.registry.find(MetricNames.CONSUMER_RECORDS_LAG).tag("topic", this.eventTopic).gauges()) {
			String partition = gauge.getId().getTag("partition");
			double value = gauge.value();
			// A consumer reports NaN for a partition it has not fetched yet, or no longer has.
			if (partition != null && !Double.isNaN(value)) {
				byPartition.merge(Integer.parseInt(partition), (long) value, Long::sum);
			}
		}
		String source = Lag.CONSUMERS;
		CommittedLag committed = this.committedLag.getIfAvailable();
		if (byPartition.isEmpty() && committed != null) {
			byPartition.putAll(committed.byPartition(this.countingGroup, this.eventTopic));
			source = Lag.COMMITTED_OFFSETS;
		}
		Map<String, Long> partitions = new LinkedHashMap<>();
		byPartition.forEach((partition, lag) -> partitions.put(this.eventTopic + "-" + partition, lag));
		return new Lag(partitions.values().stream().mapToLong(Long::longValue).sum(), partitions, source);
	}

	DeadLetters deadLettered() {
		Map<String, Long> byReason = new TreeMap<>();
		for (Counter counter : this.registry.find(MetricNames.EVENTS_DEAD_LETTERED).counters()) {
			String reason = counter.getId().getTag(MetricNames.REASON);
			// Every reason is registered at 0 from the start; the dashboard lists those that happened.
			if (counter.count() > 0) {
				byReason.merge((reason != null) ? reason : "unknown", (long) counter.count(), Long::sum);
			}
		}
		return new DeadLetters(byReason.values().stream().mapToLong(Long::longValue).sum(), byReason);
	}

	double snapshotsPublished() {
		Counter counter = this.registry.find(MetricNames.SNAPSHOTS_PUBLISHED).counter();
		return (counter != null) ? counter.count() : 0.0;
	}

	/** The end-to-end latency timer, if this instance has one and it measured anything. */
	@Nullable Latency latency() {
		Timer timer = this.registry.find(MetricNames.EVENTS_LATENCY).timer();
		if (timer == null || timer.count() == 0) {
			return null;
		}
		HistogramSnapshot snapshot = timer.takeSnapshot();
		Map<String, Double> percentiles = new LinkedHashMap<>();
		List.of(snapshot.percentileValues())
			.stream()
			.sorted(Comparator.comparingDouble(ValueAtPercentile::percentile))
			.forEach(value -> percentiles.put(label(value.percentile()), seconds(value.value(TimeUnit.SECONDS))));
		return new Latency(snapshot.count(), seconds(snapshot.mean(TimeUnit.SECONDS)),
				seconds(snapshot.max(TimeUnit.SECONDS)), percentiles);
	}

	private static String label(double percentile) {
		// 0.5 -> p50, 0.95 -> p95, 0.999 -> p99.9
		String digits = Double.toString(Math.round(percentile * 1000) / 10.0).replaceAll("\\.0$", "");
		return "p" + digits;
	}

	private static double seconds(double value) {
		return Math.round(value * 1000) / 1000.0;
	}

}
