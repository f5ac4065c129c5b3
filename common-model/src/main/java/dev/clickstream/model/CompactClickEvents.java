package dev.clickstream.model;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * Reads a click event in the compact form the generator writes, byte by byte, and validates the rest
 * as {@link ClickEventReader#read} would: the four fields once each, in any order, as non-blank strings of printable
 * ASCII without escapes, a date in the seed's format, no whitespace, nothing after the object. Anything else, valid or
 * not, is left to the full parser by returning null; so whatever this accepts, the full parser accepts with the same
 * name. Counting reads every event: the full parser costs a parser, a context and five objects per record.
 */
final class CompactClickEvents {

	private static final byte[][] FIELDS = { ascii("date"), ascii("productId"), ascii("eventName"), ascii("userId") };

	private static final int DATE = 0;

	private static final int PRODUCT_ID = 1;

	private static final int EVENT_NAME = 2;

	private static final int USER_ID = 3;

	private static final int ALL_FIELDS = (1 << FIELDS.length) - 1;

	private CompactClickEvents() {
	}

	/** @return the event name, or null if the record is not in the compact form */
	static @Nullable String eventName(byte[] value) {
		int[] spans = new int[2 * FIELDS.length];
		return scan(value, spans) ? text(value, spans, EVENT_NAME) : null;
	}

	/** @return the event name and date, or null if the record is not in the compact form */
	static @Nullable TimedEventName read(byte[] value) {
		int[] spans = new int[2 * FIELDS.length];
		if (!scan(value, spans)) {
			return null;
		}
		return new TimedEventName(text(value, spans, EVENT_NAME), SeedTime.epochSecond(value, spans[2 * DATE]));
	}

	/** @return the whole event, or null if the record is not in the compact form */
	static @Nullable ClickEvent event(byte[] value) {
		int[] spans = new int[2 * FIELDS.length];
		if (!scan(value, spans)) {
			return null;
		}
		return new ClickEvent(Instant.ofEpochSecond(SeedTime.epochSecond(value, spans[2 * DATE])),
				text(value, spans, PRODUCT_ID), text(value, spans, EVENT_NAME), text(value, spans, USER_ID));
	}

	/** @return what counting needs of the event, the ids left in the record, or null if not in the compact form */
	static @Nullable CountedEvent counted(byte[] value) {
		int[] spans = new int[2 * FIELDS.length];
		if (!scan(value, spans)) {
			return null;
		}
		return new CountedEvent(text(value, spans, EVENT_NAME), SeedTime.epochSecond(value, spans[2 * DATE]), value,
				spans[2 * USER_ID], spans[2 * USER_ID + 1], spans[2 * PRODUCT_ID], spans[2 * PRODUCT_ID + 1]);
	}

	private static String text(byte[] value, int[] spans, int field) {
		int start = spans[2 * field];
		return new String(value, start, spans[2 * field + 1] - start, StandardCharsets.US_ASCII);
	}

	/**
	 * Validates the record and finds where each field's value starts and ends, without making an object.
	 * @param spans filled with each field's value start and end, in the order of {@link #FIELDS}
	 * @return whether the record is in the compact form
	 */
	private static boolean scan(byte[] value, int[] spans) {
		int last = value.length - 1;
		if (last < 1 || value[0] != '{' || value[last] != '}') {
			return false;
		}
		int seen = 0;
		int i = 1;
		while (true) {
			if (value[i] != '"') {
				return false;
			}
			int keyStart = i + 1;
			int keyEnd = closingQuote(value, keyStart, last);
			if (keyEnd < 0) {
				return false;
			}
			int field = field(value, keyStart, keyEnd);
			if (field < 0 || (seen & (1 << field)) != 0) {
				return false;
			}
			seen |= 1 << field;
			i = keyEnd + 1;
			if (i + 1 >= last || value[i] != ':' || value[i + 1] != '"') {
				return false;
			}
			int valueStart = i + 2;
			int valueEnd = closingQuote(value, valueStart, last);
			if (valueEnd < 0 || isBlank(value, valueStart, valueEnd)) {
				return false;
			}
			if (field == DATE && !SeedTime.isSeedFormat(value, valueStart, valueEnd)) {
				return false;
			}
			spans[2 * field] = valueStart;
			spans[2 * field + 1] = valueEnd;
			i = valueEnd + 1;
			if (i == last) {
				break;
			}
			if (value[i] != ',' || i + 1 >= last) {
				return false;
			}
			i++;
		}
		return seen == ALL_FIELDS;
	}

	/** The index of the quote that closes a string starting at {@code start}, or -1 if it holds anything unusual. */
	private static int closingQuote(byte[] value, int start, int end) {
		for (int i = start; i < end; i++) {
			byte b = value[i];
			if (b == '"') {
				return i;
			}
			if (b < 0x20 || b > 0x7e || b == '\\') {
				return -1;
			}
		}
		return -1;
	}

	private static boolean isBlank(byte[] value, int start, int end) {
		for (int i = start; i < end; i++) {
			if (value[i] != ' ') {
				return false;
			}
		}
		return true;
	}

	private static int field(byte[] value, int start, int end) {
		for (int field = 0; field < FIELDS.length; field++) {
			byte[] name = FIELDS[field];
			if (name.length == end - start && Arrays.equals(value, start, end, name, 0, name.length)) {
				return field;
			}
		}
		return -1;
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

}
