package dev.clickstream.listener.counting;

import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Counts what has been counted, once its transaction committed: a rolled-back batch is not in these figures.
 */
@Component
class CountingMetrics {

	private final MeterRegistry registry;

	private final Counter rejected;

	CountingMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.rejected = Counter.builder("clickstream.events.rejected")
			.description("Records on the event topic that are not click events and were not counted")
			.register(registry);
	}

	void counted(Map<String, Long> countedByName, int rejectedCount) {
		this.rejected.increment(rejectedCount);
		countedByName.forEach((eventName, count) -> Counter.builder("clickstream.events.counted")
			.description("Click events counted, by event name")
			.tag("eventName", eventName)
			.register(this.registry)
			.increment(count));
	}

}
