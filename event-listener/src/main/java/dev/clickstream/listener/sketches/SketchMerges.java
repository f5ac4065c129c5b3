package dev.clickstream.listener.sketches;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import dev.clickstream.model.MetricNames;

import org.springframework.stereotype.Component;

/** Counts the partitions' sketches the publishers merge, whether or not what they publish commits: work done. */
@Component
public class SketchMerges {

	private final Counter merged;

	public SketchMerges(MeterRegistry registry) {
		this.merged = Counter.builder(MetricNames.SKETCHES_MERGED)
			.description("Partitions' unique-user and top-product sketches merged into window results and all-time figures")
			.register(registry);
	}

	public void merged(int partitions) {
		this.merged.increment(partitions);
	}

}
