package dev.clickstream.producer.generator;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/** Ids of the seed's alphabet, lowercase letters and digits, drawn uniformly. */
final class RandomIds {

	static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

	static final int PRODUCT_ID_LENGTH = 15;

	static final int USER_ID_LENGTH = 8;

	private static final byte[] ALPHABET_BYTES = ALPHABET.getBytes(StandardCharsets.US_ASCII);

	private static final int DIGITS_PER_DRAW = 12;

	/** 36^12, below {@code Long.MAX_VALUE}. */
	private static final long DIGITS_PER_DRAW_BOUND = 4_738_381_338_321_616_896L;

	private RandomIds() {
	}

	// One random number below 36^12 is 12 independent uniform digits in base 36: a draw per 12 characters, not one
	// per character.
	static String next(SplittableRandom random, int length) {
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
