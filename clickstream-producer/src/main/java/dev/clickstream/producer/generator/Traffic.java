package dev.clickstream.producer.generator;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import dev.clickstream.model.ClickEvent;
import dev.clickstream.model.SeedTime;

/**
 * The events that a seed and the generator's settings define. Who clicks what comes from one random stream and the
 * late arrivals from another, both split from the seed, so the sequence of ids and names does not depend on the
 * clock settings.
 */
final class Traffic {

	private static final int MODEL_STREAM = 0;

	private static final int LATENESS_STREAM = 1;

	private final GeneratorProperties properties;

	private final long seed;

	Traffic(GeneratorProperties properties, long seed) {
		this.properties = properties;
		this.seed = seed;
	}

	long seed() {
		return this.seed;
	}

	/** Every event name the model emits. */
	List<String> eventNames() {
		return switch (this.properties.model()) {
			case SHOP -> ShopModel.EVENT_NAMES;
			case SEED -> this.properties.eventNames();
		};
	}

	/** A new model, at the start of the sequence. */
	TrafficModel model() {
		SplittableRandom random = stream(MODEL_STREAM);
		return switch (this.properties.model()) {
			case SHOP -> new ShopModel(this.properties.shop(), random);
			case SEED -> new SeedModel(this.properties.eventNames(), random);
		};
	}

	/** The events from the start of the sequence, dated by the configured clock at the given rate. */
	Supplier<ClickEvent> events(LongSupplier ratePerSecond) {
		TrafficModel model = model();
		Supplier<Instant> clock = switch (this.properties.clock()) {
			case WALL -> SeedTime::now;
			case SIMULATED -> EventClocks.simulated(this.properties.simulated().start(),
					this.properties.simulated().speed(), ratePerSecond);
		};
		Supplier<Instant> dates = EventClocks.withLateArrivals(clock, this.properties.late().fraction(),
				this.properties.late().maxLateness(), stream(LATENESS_STREAM));
		return () -> model.next(dates.get());
	}

	/** How many of the first {@code count} events bear each name, every name of the model included. */
	Map<String, Long> totals(long count) {
		TrafficModel model = model();
		Map<String, Long> totals = new LinkedHashMap<>();
		eventNames().forEach(name -> totals.put(name, 0L));
		Instant date = Instant.EPOCH;
		for (long i = 0; i < count; i++) {
			totals.merge(model.next(date).eventName(), 1L, Long::sum);
		}
		return totals;
	}

	private SplittableRandom stream(int index) {
		SplittableRandom root = new SplittableRandom(this.seed);
		SplittableRandom stream = root.split();
		for (int i = 0; i < index; i++) {
			stream = root.split();
		}
		return stream;
	}

}
