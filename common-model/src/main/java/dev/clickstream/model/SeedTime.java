package dev.clickstream.model;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The timestamp format of the original design, {@code 2020-03-25T19:05:49UTC}: second precision, always UTC.
 */
public final class SeedTime {

	static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'UTC'")
		.withZone(ZoneOffset.UTC);

	private static final int SEED_LENGTH = "2020-03-25T19:05:49UTC".length();

	private SeedTime() {
	}

	public static String format(Instant instant) {
		return FORMAT.format(instant);
	}

	/**
	 * Reads the seed's format and, for producers that write standard timestamps, ISO-8601 instants.
	 * @throws DateTimeParseException if the text is neither
	 */
	public static Instant parse(String text) {
		if (text.length() == SEED_LENGTH && text.endsWith("UTC")) {
			return parseSeedFormat(text);
		}
		if (text.endsWith("UTC")) {
			return FORMAT.parse(text, Instant::from);
		}
		return Instant.parse(text);
	}

	// Every event carries a date: DateTimeFormatter was a quarter of the listener's CPU and allocation (JFR), so the
	// fixed layout is read by hand. LocalDateTime.of still checks every field's range.
	private static Instant parseSeedFormat(String text) {
		expect(text, 4, '-');
		expect(text, 7, '-');
		expect(text, 10, 'T');
		expect(text, 13, ':');
		expect(text, 16, ':');
		try {
			return LocalDateTime
				.of(digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2), digits(text, 11, 2), digits(text, 14, 2),
						digits(text, 17, 2))
				.toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeException ex) {
			throw new DateTimeParseException(ex.getMessage(), text, 0, ex);
		}
	}

	/**
	 * Whether ASCII bytes hold a valid time in the seed's format, exactly as {@link #parse} would accept it in that
	 * format, without building it.
	 */
	static boolean isSeedFormat(byte[] ascii, int start, int end) {
		if (end - start != SEED_LENGTH || ascii[start + 4] != '-' || ascii[start + 7] != '-' || ascii[start + 10] != 'T'
				|| ascii[start + 13] != ':' || ascii[start + 16] != ':' || ascii[start + 19] != 'U'
				|| ascii[start + 20] != 'T' || ascii[start + 21] != 'C') {
			return false;
		}
		int year = digits(ascii, start, 4);
		int month = digits(ascii, start + 5, 2);
		int day = digits(ascii, start + 8, 2);
		int hour = digits(ascii, start + 11, 2);
		int minute = digits(ascii, start + 14, 2);
		int second = digits(ascii, start + 17, 2);
		return year >= 0 && month >= 1 && month <= 12 && day >= 1
				&& day <= Month.of(month).length(Year.isLeap(year)) && hour >= 0 && hour <= 23 && minute >= 0
				&& minute <= 59 && second >= 0 && second <= 59;
	}

	/**
	 * The epoch second of a date in the seed's format, which {@link #isSeedFormat} has accepted. Plain arithmetic, no
	 * objects: counting per window reads the date of every event.
	 */
	static long epochSecond(byte[] ascii, int start) {
		long days = epochDay(digits(ascii, start, 4), digits(ascii, start + 5, 2), digits(ascii, start + 8, 2));
		return days * 86_400 + digits(ascii, start + 11, 2) * 3600L + digits(ascii, start + 14, 2) * 60L
				+ digits(ascii, start + 17, 2);
	}

	/** Days from 1970-01-01 to a valid proleptic Gregorian date (the civil-from-days inverse, with March-based years). */
	static long epochDay(int year, int month, int day) {
		long y = (month <= 2) ? year - 1 : year;
		long era = Math.floorDiv(y, 400);
		long yearOfEra = y - era * 400;
		long dayOfYear = (153L * (month + ((month > 2) ? -3 : 9)) + 2) / 5 + day - 1;
		long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
		return era * 146_097 + dayOfEra - 719_468;
	}

	/** The value of {@code count} ASCII digits, or -1 if any is not a digit. */
	private static int digits(byte[] ascii, int start, int count) {
		int value = 0;
		for (int i = start; i < start + count; i++) {
			int digit = ascii[i] - '0';
			if (digit < 0 || digit > 9) {
				return -1;
			}
			value = value * 10 + digit;
		}
		return value;
	}

	private static void expect(String text, int index, char expected) {
		if (text.charAt(index) != expected) {
			throw new DateTimeParseException("expected '" + expected + "' at index " + index, text, index);
		}
	}

	private static int digits(String text, int start, int count) {
		int value = 0;
		for (int i = start; i < start + count; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				throw new DateTimeParseException("expected a digit at index " + i, text, i);
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	/** The current time as the seed's format can carry it, so a value survives a JSON round trip unchanged. */
	public static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.SECONDS);
	}

}
