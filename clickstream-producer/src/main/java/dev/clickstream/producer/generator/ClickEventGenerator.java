package dev.clickstream.producer.generator;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import dev.clickstream.model.ClickEvent;

/**
 * Makes random click events as the original Python producer did: a 15-character product id, an 8-character user id,
 * both of lowercase letters and digits, and an event name picked uniformly from the configured list.
 */
final class ClickEventGenerator {

	static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

	static final int PRODUCT_ID_LENGTH = 15;

	static final int USER_ID_LENGTH = 8;

	private final List<String> eventNames;

	private final Supplier<Instant> clock;

	ClickEventGenerator(List<String> eventNames, Supplier<Instant> clock) {
		if (eventNames.isEmpty()) {
			throw new IllegalArgumentException("at least one event name is needed");
		}
		this.eventNames = List.copyOf(eventNames);
		this.clock = clock;
	}

	ClickEvent next() {
		// Thread-local: no contention, and the events need variety, not cryptographic strength.
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return new ClickEvent(this.clock.get(), randomString(random, PRODUCT_ID_LENGTH),
				this.eventNames.get(random.nextInt(this.eventNames.size())), randomString(random, USER_ID_LENGTH));
	}

	private static String randomString(ThreadLocalRandom random, int length) {
		char[] chars = new char[length];
		for (int i = 0; i < length; i++) {
			chars[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
		}
		return new String(chars);
	}

}
