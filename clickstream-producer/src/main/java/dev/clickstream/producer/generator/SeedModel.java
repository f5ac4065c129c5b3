package dev.clickstream.producer.generator;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

import dev.clickstream.model.ClickEvent;

/**
 * The original Python producer's traffic: every event a new random product and user, its name picked uniformly from
 * the configured list.
 */
final class SeedModel implements TrafficModel {

	private final List<String> eventNames;

	private final SplittableRandom random;

	SeedModel(List<String> eventNames, SplittableRandom random) {
		if (eventNames.isEmpty()) {
			throw new IllegalArgumentException("at least one event name is needed");
		}
		this.eventNames = List.copyOf(eventNames);
		this.random = random;
	}

	@Override
	public ClickEvent next(Instant date) {
		return new ClickEvent(date, RandomIds.next(this.random, RandomIds.PRODUCT_ID_LENGTH),
				this.eventNames.get(this.random.nextInt(this.eventNames.size())),
				RandomIds.next(this.random, RandomIds.USER_ID_LENGTH));
	}

	@Override
	public List<String> eventNames() {
		return this.eventNames;
	}

}
