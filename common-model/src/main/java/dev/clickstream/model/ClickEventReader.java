package dev.clickstream.model;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;

import dev.clickstream.model.InvalidClickEventException.Reason;

/**
 * Reads click events from the raw bytes of a record, from any producer, and says precisely why a record is not one.
 * Unknown fields are skipped, for producers with newer schemas. It streams the JSON rather than binding it: this is the
 * hot path of counting. Thread-safe.
 */
public final class ClickEventReader {

	// A bare factory, not a mapper: a mapper's parser carries a deserialization context, made anew for every record.
	// Buffers are recycled per thread: the counting threads are few and long-lived, and a shared pool's deque showed
	// up in profiles.
	private static final JsonFactory JSON = JsonFactory.builder()
		.recyclerPool(JsonRecyclerPools.threadLocalPool())
		.build();

	private final int maxBytes;

	private final boolean compactForm;

	/**
	 * @param maxBytes the largest record accepted; a click event is about 110 bytes
	 */
	public ClickEventReader(int maxBytes) {
		this(maxBytes, true);
	}

	/**
	 * @param maxBytes the largest record accepted; a click event is about 110 bytes
	 * @param compactForm whether records in the generator's compact form are read byte by byte, without a JSON
	 * parser; if not, every record goes through the JSON parser
	 */
	public ClickEventReader(int maxBytes, boolean compactForm) {
		this.maxBytes = maxBytes;
		this.compactForm = compactForm;
	}

	/**
	 * @throws InvalidClickEventException if the bytes are not a click event
	 */
	public ClickEvent read(byte @Nullable [] value) {
		if (value == null || value.length == 0) {
			throw new InvalidClickEventException(Reason.EMPTY, "the record has no value");
		}
		if (value.length > this.maxBytes) {
			throw new InvalidClickEventException(Reason.TOO_LARGE,
					"the record has " + value.length + " bytes; at most " + this.maxBytes + " are accepted");
		}
		if (this.compactForm) {
			ClickEvent event = CompactClickEvents.event(value);
			if (event != null) {
				return event;
			}
		}
		try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), value)) {
			return readObject(parser);
		}
		catch (JacksonException ex) {
			if (!isUtf8(value)) {
				throw new InvalidClickEventException(Reason.NOT_UTF8, "the record is not UTF-8 text");
			}
			throw new InvalidClickEventException(Reason.NOT_JSON, "the record is not JSON: " + ex.getOriginalMessage());
		}
	}

	/**
	 * Reads a record as {@link #read} does, with the same rejections, and returns only the event's name: counting needs
	 * no more, and records in the compact form the generator writes are then read without building an event.
	 * @throws InvalidClickEventException if the bytes are not a click event
	 */
	public String eventName(byte @Nullable [] value) {
		if (this.compactForm && value != null && value.length <= this.maxBytes) {
			String name = CompactClickEvents.eventName(value);
			if (name != null) {
				return name;
			}
		}
		return read(value).eventName();
	}

	/**
	 * Reads a record as {@link #read} does, with the same rejections, and returns what counting per window and its
	 * sketches need; records in the compact form the generator writes are read without building an event.
	 * @throws InvalidClickEventException if the bytes are not a click event
	 */
	public CountedEvent countedEvent(byte @Nullable [] value) {
		if (this.compactForm && value != null && value.length <= this.maxBytes) {
			CountedEvent read = CompactClickEvents.counted(value);
			if (read != null) {
				return read;
			}
		}
		return CountedEvent.of(read(value));
	}

	/**
	 * Reads a record as {@link #read} does, with the same rejections, and returns the event's name and date: what
	 * counting per name and time window needs.
	 * @throws InvalidClickEventException if the bytes are not a click event
	 */
	public TimedEventName timedEventName(byte @Nullable [] value) {
		if (this.compactForm && value != null && value.length <= this.maxBytes) {
			TimedEventName read = CompactClickEvents.read(value);
			if (read != null) {
				return read;
			}
		}
		ClickEvent event = read(value);
		return new TimedEventName(event.eventName(), event.date().getEpochSecond());
	}

	private static ClickEvent readObject(JsonParser parser) {
		if (parser.nextToken() != JsonToken.START_OBJECT) {
			throw new InvalidClickEventException(Reason.NOT_AN_OBJECT, "the record is JSON but not an object");
		}
		String date = null;
		String productId = null;
		String eventName = null;
		String userId = null;
		for (String field = parser.nextName(); field != null; field = parser.nextName()) {
			JsonToken token = parser.nextToken();
			switch (field) {
				case "date" -> date = text(parser, token, field);
				case "productId" -> productId = text(parser, token, field);
				case "eventName" -> eventName = text(parser, token, field);
				case "userId" -> userId = text(parser, token, field);
				default -> parser.skipChildren();
			}
		}
		if (parser.currentToken() != JsonToken.END_OBJECT) {
			throw new InvalidClickEventException(Reason.NOT_JSON, "the record's JSON object is not closed");
		}
		if (parser.nextToken() != null) {
			throw new InvalidClickEventException(Reason.NOT_JSON, "the record has data after its JSON object");
		}
		return new ClickEvent(instant(required(date, "date")), required(productId, "productId"),
				required(eventName, "eventName"), required(userId, "userId"));
	}

	private static @Nullable String text(JsonParser parser, JsonToken token, String field) {
		if (token == JsonToken.VALUE_NULL) {
			return null;
		}
		if (token != JsonToken.VALUE_STRING) {
			throw new InvalidClickEventException(Reason.WRONG_TYPE,
					"\"" + field + "\" must be a string, was " + describe(token));
		}
		return parser.getString();
	}

	private static String required(@Nullable String value, String field) {
		if (value == null || value.isBlank()) {
			throw new InvalidClickEventException(Reason.MISSING_FIELD, "\"" + field + "\" is missing, null or blank");
		}
		return value;
	}

	private static Instant instant(String date) {
		try {
			return SeedTime.parse(date);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidClickEventException(Reason.BAD_DATE, "\"date\" is \"" + abbreviate(date)
					+ "\"; expected a UTC time such as 2020-03-25T19:05:49UTC or an ISO-8601 instant");
		}
	}

	private static String describe(JsonToken token) {
		return switch (token) {
			case START_OBJECT -> "an object";
			case START_ARRAY -> "an array";
			case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
			case VALUE_TRUE, VALUE_FALSE -> "a boolean";
			default -> token.toString();
		};
	}

	private static String abbreviate(String text) {
		return (text.length() <= 40) ? text : text.substring(0, 40) + "…";
	}

	private static boolean isUtf8(byte[] value) {
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(value));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

}
