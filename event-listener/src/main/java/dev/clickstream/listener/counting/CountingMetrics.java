package dev.clickstream.listener.counting;

import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import dev.clickstream.listener.counting.CountedBatch.Late;
import dev.clickstream.model.InvalidClickEventException.Reason;
import dev.clickstream.model.MetricNames;

/**
 * Counts what was counted and dead-lettered, once its transaction committed: a rolled-back batch is not in these
 * figures. Every series whose tag is known in advance exists at 0 from the start, so that the first event of a kind
 * shows as an increase in Prometheus, which cannot see a series appear at 1.
 */
class CountingMetrics {

	private final MeterRegistry registry;

	private final DistributionSummary late;

	CountingMetrics(MeterRegistry registry, List<String> eventNames, CountingState state) {
		this.registry = registry;
		Gauge.builder(MetricNames.WINDOWS_SKETCH_BYTES, state, CountingState::openWindowSketchBytes)
			.description("Bytes of the unique-user and top-product sketches of the open windows of this instance's "
					+ "partitions")
			.baseUnit("bytes")
			.register(registry);
		this.late = DistributionSummary.builder(MetricNames.EVENTS_LATE)
			.description("Events that came after their window had closed, by how long after the window's end")
			.baseUnit("seconds")
			.serviceLevelObjectives(60, 300, 900, 3600, 86_400)
			.register(registry);
		eventNames.forEach(this::counted);
		for (Reason reason : Reason.values()) {
			deadLettered(reason.tag());
		}
	}

	void committed(Map<String, Long> countedByName, Map<String, Long> deadLetteredByReason, List<Late> late) {
		countedByName.forEach((eventName, count) -> counted(eventName).increment(count));
		deadLetteredByReason.forEach((reason, count) -> deadLettered(reason).increment(count));
		late.forEach(event -> this.late.record(event.latenessSeconds()));
	}

	// Micrometer returns the registered counter for a known id; names outside the configured ones (counted when
	// clickstream.counting.unknown-event-names=count) are registered at their first increment.
	private Counter counted(String eventName) {
		return Counter.builder(MetricNames.EVENTS_COUNTED)
			.description("Click events counted, by event name")
			.tag(MetricNames.EVENT_NAME, eventName)
			.register(this.registry);
	}

	private Counter deadLettered(String reason) {
		return Counter.builder(MetricNames.EVENTS_DEAD_LETTERED)
			.description("Records of the event topic sent to its dead-letter topic, by reason")
			.tag(MetricNames.REASON, reason)
			.register(this.registry);
	}

}
