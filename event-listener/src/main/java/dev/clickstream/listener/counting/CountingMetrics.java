package dev.clickstream.listener.counting;

import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Counts what was counted and dead-lettered, once its transaction committed: a rolled-back batch is not in these
 * figures.
 */
@Component
class CountingMetrics {

	private final MeterRegistry registry;

	CountingMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void committed(Map<String, Long> countedByName, Map<String, Long> deadLetteredByReason) {
		countedByName.forEach((eventName, count) -> Counter.builder("clickstream.events.counted")
			.description("Click events counted, by event name")
			.tag("eventName", eventName)
			.register(this.registry)
			.increment(count));
		deadLetteredByReason.forEach((reason, count) -> Counter.builder("clickstream.events.dead-lettered")
			.description("Records of the event topic sent to its dead-letter topic, by reason")
			.tag("reason", reason)
			.register(this.registry)
			.increment(count));
	}

}
