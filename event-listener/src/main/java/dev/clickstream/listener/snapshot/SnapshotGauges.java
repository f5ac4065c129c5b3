package dev.clickstream.listener.snapshot;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import dev.clickstream.listener.EventListenerProperties;
import dev.clickstream.model.MetricNames;

import org.springframework.stereotype.Component;

/**
 * The newest committed totals as gauges, {@code clickstream.snapshot.count{eventName}}, so that Prometheus and
 * Grafana show the same totals as the dashboard: the whole pipeline's, whichever instance counted them. Empty (NaN)
 * until the snapshot topic has been read.
 */
@Component
class SnapshotGauges {

	SnapshotGauges(LatestSnapshot latestSnapshot, EventListenerProperties properties, MeterRegistry registry) {
		for (String eventName : properties.counting().eventNames()) {
			Gauge.builder(MetricNames.SNAPSHOT_COUNT, latestSnapshot,
					snapshot -> snapshot.current().map(newest -> (double) newest.counts().getOrDefault(eventName, 0L))
						.orElse(snapshot.isLoaded() ? 0.0 : Double.NaN))
				.description("Events of this name in the newest committed snapshot, counted by every instance")
				.tag(MetricNames.EVENT_NAME, eventName)
				.strongReference(true)
				.register(registry);
		}
	}

}
