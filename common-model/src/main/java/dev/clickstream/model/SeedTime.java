package dev.clickstream.model;

import java.time.Instant;
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
		if (text.endsWith("UTC")) {
			return FORMAT.parse(text, Instant::from);
		}
		return Instant.parse(text);
	}

	/** The current time as the seed's format can carry it, so a value survives a JSON round trip unchanged. */
	public static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.SECONDS);
	}

}
