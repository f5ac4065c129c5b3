package dev.clickstream.model;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * Reads the event name and date of a click event in the compact form the generator writes, byte by byte, and validates the rest
 * as {@link ClickEventReader#read} would: the four fields once each, in any order, as non-blank strings of printable
 * ASCII without escapes, a date in the seed's format, no whitespace, nothing after the object. Anything else, valid or
 * not, is left to the full parser by returning null; so whatever this accepts, the full parser accepts with the same
 * name. Counting reads every event: the full parser costs a parser, a context and five objects per record.
 */
final class CompactClickEvents {

	private static final byte[][] FIELDS = { ascii("date"), ascii("productId"), ascii("eventName"), ascii("userId") };

	private static final int DATE = 0;

	private static final int EVENT_NAME = 2;

	private static final int ALL_FIELDS = (1 << FIELDS.length) - 1;

	private CompactClickEvents() {
	}

	/** Bits per position in what {@link #scan} returns: records are far shorter than 2^20 bytes. */
	private static final int POSITION_BITS = 20;

	private static final long POSITION_MASK = (1L << POSITION_BITS) - 1;

	/** @return the event name, or null if the record is not in the compact form */
	static @Nullable String eventName(byte[] value) {
		long scanned = scan(value);
		return (scanned < 0) ? null : name(value, scanned);
	}

	/** @return the event name and date, or null if the record is not in the compact form */
	static @Nullable TimedEventName read(byte[] value) {
		long scanned = scan(value);
		if (scanned < 0) {
			return null;
		}
		int dateStart = (int) ((scanned >>> (2 * POSITION_BITS)) & POSITION_MASK);
		return new TimedEventName(name(value, scanned), SeedTime.epochSecond(value, dateStart));
	}

	private static String name(byte[] value, long scanned) {
		int nameStart = (int) (scanned & POSITION_MASK);
		int nameEnd = (int) ((scanned >>> POSITION_BITS) & POSITION_MASK);
		return new String(value, nameStart, nameEnd - nameStart, StandardCharsets.US_ASCII);
	}

	/**
	 * Validates the record and finds its name and date without making an object.
	 * @return the name's start and end and the date's start, 20 bits each, or -1 if not in the compact form
	 */
	private static long scan(byte[] value) {
		int last = value.length - 1;
		if (last < 1 || last > POSITION_MASK || value[0] != '{' || value[last] != '}') {
			return -1;
		}
		int seen = 0;
		int nameStart = 0;
		int nameEnd = 0;
		int dateStart = 0;
		int i = 1;
		while (true) {
			if (value[i] != '"') {
				return -1;
			}
			int keyStart = i + 1;
			int keyEnd = closingQuote(value, keyStart, last);
			if (keyEnd < 0) {
				return -1;
			}
			int field = field(value, keyStart, keyEnd);
			if (field < 0 || (seen & (1 << field)) != 0) {
				return -1;
			}
			seen |= 1 << field;
			i = keyEnd + 1;
			if (i + 1 >= last || value[i] != ':' || value[i + 1] != '"') {
				return -1;
			}
			int valueStart = i + 2;
			int valueEnd = closingQuote(value, valueStart, last);
			if (valueEnd < 0 || isBlank(value, valueStart, valueEnd)) {
				return -1;
			}
			if (field == DATE) {
				if (!SeedTime.isSeedFormat(value, valueStart, valueEnd)) {
					return -1;
				}
				dateStart = valueStart;
			}
			if (field == EVENT_NAME) {
				nameStart = valueStart;
				nameEnd = valueEnd;
			}
			i = valueEnd + 1;
			if (i == last) {
				break;
			}
			if (value[i] != ',' || i + 1 >= last) {
				return -1;
			}
			i++;
		}
		if (seen != ALL_FIELDS) {
			return -1;
		}
		return nameStart | ((long) nameEnd << POSITION_BITS) | ((long) dateStart << (2 * POSITION_BITS));
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
