package dev.clickstream.dashboard.topics;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * A record's bytes as text for a person to read: UTF-8, with bytes that are not UTF-8 shown as U+FFFD (dead letters
 * may be anything), cut after a number of characters.
 */
final class RecordText {

	/**
	 * @param text the text, at most the characters asked for
	 * @param truncated whether there was more
	 */
	record Cut(String text, boolean truncated) {
	}

	// A character of UTF-16 takes at most 3 bytes of UTF-8 (4 for a pair), and a malformed sequence at most 3 bytes
	// to make one U+FFFD: this many bytes always make more than the characters kept, so no more are decoded.
	private static final int MAX_BYTES_PER_CHAR = 4;

	private RecordText() {
	}

	static Cut cut(byte[] bytes, int maxChars) {
		int decoded = (int) Math.min(bytes.length, (long) maxChars * MAX_BYTES_PER_CHAR);
		String text = new String(bytes, 0, decoded, StandardCharsets.UTF_8);
		if (text.length() <= maxChars) {
			return new Cut(text, false);
		}
		int end = maxChars;
		// Never half of a surrogate pair: an emoji is kept whole or left out.
		if (Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		return new Cut(text.substring(0, end), true);
	}

	static @Nullable String text(byte @Nullable [] bytes) {
		return (bytes != null) ? new String(bytes, StandardCharsets.UTF_8) : null;
	}

}
