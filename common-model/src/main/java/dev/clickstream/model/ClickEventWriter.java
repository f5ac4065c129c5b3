package dev.clickstream.model;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Writes a {@link ClickEvent} as the seed's JSON, byte for byte what Jackson writes for it, for a producer that sends
 * hundreds of thousands a second: Jackson's generator, its buffer recycling and the date formatter were most of the
 * generator's serializing time (JFR), and the format is fixed. Safe for concurrent use.
 */
public final class ClickEventWriter {

	private static final byte[] DATE = ascii("{\"date\":\"");

	private static final byte[] PRODUCT_ID = ascii("\",\"productId\":\"");

	private static final byte[] EVENT_NAME = ascii("\",\"eventName\":\"");

	private static final byte[] USER_ID = ascii("\",\"userId\":\"");

	private static final byte[] END = ascii("\"}");

	private static final byte[] HEX = ascii("0123456789ABCDEF");

	// Events of one second share their date, so it is formatted once a second. Immutable, so a thread that reads
	// another's newer value sees it whole; a race only formats the same second twice.
	private FormattedDate lastDate = new FormattedDate(Long.MIN_VALUE, new byte[0]);

	public byte[] write(ClickEvent event) {
		byte[] date = date(event.date());
		String productId = event.productId();
		String eventName = event.eventName();
		String userId = event.userId();
		byte[] json = new byte[DATE.length + date.length + PRODUCT_ID.length + encodedLength(productId)
				+ EVENT_NAME.length + encodedLength(eventName) + USER_ID.length + encodedLength(userId) + END.length];
		int at = put(DATE, json, 0);
		at = put(date, json, at);
		at = put(PRODUCT_ID, json, at);
		at = putString(productId, json, at);
		at = put(EVENT_NAME, json, at);
		at = putString(eventName, json, at);
		at = put(USER_ID, json, at);
		at = putString(userId, json, at);
		put(END, json, at);
		return json;
	}

	private byte[] date(Instant date) {
		FormattedDate last = this.lastDate;
		long second = date.getEpochSecond();
		if (last.epochSecond() != second) {
			last = new FormattedDate(second, ascii(SeedTime.format(date)));
			this.lastDate = last;
		}
		return last.json();
	}

	/** The length of the string's JSON text in UTF-8, escapes included, without the quotes. */
	private static int encodedLength(String text) {
		int length = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				length += (c < 0x20) ? controlEscapeLength(c) : (c == '"' || c == '\\') ? 2 : 1;
			}
			else if (c < 0x800) {
				length += 2;
			}
			else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				length += 4;
				i++;
			}
			else if (Character.isSurrogate(c)) {
				throw unpairedSurrogate(text, i);
			}
			else {
				length += 3;
			}
		}
		return length;
	}

	private static int putString(String text, byte[] json, int start) {
		int at = start;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				if (c < 0x20) {
					at = putControlEscape(c, json, at);
				}
				else if (c == '"' || c == '\\') {
					json[at++] = '\\';
					json[at++] = (byte) c;
				}
				else {
					json[at++] = (byte) c;
				}
			}
			else if (c < 0x800) {
				json[at++] = (byte) (0xC0 | (c >> 6));
				json[at++] = (byte) (0x80 | (c & 0x3F));
			}
			else if (Character.isHighSurrogate(c)) {
				int codePoint = Character.toCodePoint(c, text.charAt(++i));
				json[at++] = (byte) (0xF0 | (codePoint >> 18));
				json[at++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
				json[at++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
				json[at++] = (byte) (0x80 | (codePoint & 0x3F));
			}
			else {
				json[at++] = (byte) (0xE0 | (c >> 12));
				json[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
				json[at++] = (byte) (0x80 | (c & 0x3F));
			}
		}
		return at;
	}

	// As Jackson writes them: the five with a short form, the others as a four-digit hex escape.
	private static int controlEscapeLength(char c) {
		return shortEscape(c) != 0 ? 2 : 6;
	}

	private static int putControlEscape(char c, byte[] json, int start) {
		int at = start;
		json[at++] = '\\';
		byte letter = shortEscape(c);
		if (letter != 0) {
			json[at++] = letter;
			return at;
		}
		json[at++] = 'u';
		json[at++] = '0';
		json[at++] = '0';
		json[at++] = HEX[c >> 4];
		json[at++] = HEX[c & 0xF];
		return at;
	}

	private static byte shortEscape(char c) {
		return switch (c) {
			case '\b' -> 'b';
			case '\t' -> 't';
			case '\n' -> 'n';
			case '\f' -> 'f';
			case '\r' -> 'r';
			default -> 0;
		};
	}

	private static IllegalArgumentException unpairedSurrogate(String text, int index) {
		return new IllegalArgumentException(
				"unpaired surrogate U+" + Integer.toHexString(text.charAt(index)).toUpperCase() + " at index " + index
						+ ": the text has no UTF-8 form");
	}

	private static int put(byte[] part, byte[] json, int at) {
		System.arraycopy(part, 0, json, at, part.length);
		return at + part.length;
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	private record FormattedDate(long epochSecond, byte[] json) {
	}

}
