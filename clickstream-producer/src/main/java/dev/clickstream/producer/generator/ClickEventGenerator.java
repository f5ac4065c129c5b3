package dev.clickstream.producer.generator;

import java.nio.charset.StandardCharsets;
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

	private static final byte[] ALPHABET_BYTES = ALPHABET.getBytes(StandardCharsets.US_ASCII);

	private static final int DIGITS_PER_DRAW = 12;

	/** 36^12, below {@code Long.MAX_VALUE}. */
	private static final long DIGITS_PER_DRAW_BOUND = 4_738_381_338_321_616_896L;

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

	// One random number below 36^12 is 12 independent uniform digits in base 36: a draw per 12 characters, not one
	// per character.
	private static String randomString(ThreadLocalRandom random, int length) {
		byte[] chars = new byte[length];
		int i = 0;
		while (i < length) {
			long digits = random.nextLong(DIGITS_PER_DRAW_BOUND);
			for (int n = 0; n < DIGITS_PER_DRAW && i < length; n++, i++) {
				chars[i] = ALPHABET_BYTES[(int) (digits % ALPHABET_BYTES.length)];
				digits /= ALPHABET_BYTES.length;
			}
		}
		return new String(chars, StandardCharsets.US_ASCII);
	}

}
