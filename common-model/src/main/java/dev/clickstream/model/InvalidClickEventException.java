package dev.clickstream.model;

/**
 * A record that is not a click event, with the reason in a form fit for a metric tag and a header.
 */
public class InvalidClickEventException extends RuntimeException {

	private final Reason reason;

	public InvalidClickEventException(Reason reason, String detail) {
		// No stack trace: poison records are expected input, and the reason says all there is to say.
		super(detail, null, false, false);
		this.reason = reason;
	}

	public Reason reason() {
		return this.reason;
	}

	/** Why a record is not a click event. */
	public enum Reason {

		/** A null value (a tombstone) or zero bytes. */
		EMPTY,
		/** Larger than any click event can be. */
		TOO_LARGE,
		/** Bytes that are not UTF-8 text. */
		NOT_UTF8,
		/** Text that is not JSON. */
		NOT_JSON,
		/** JSON, but not an object. */
		NOT_AN_OBJECT,
		/** A required field is absent, null or blank. */
		MISSING_FIELD,
		/** A field holds a number, object or array where a string belongs. */
		WRONG_TYPE,
		/** The date is in neither the seed's format nor ISO-8601. */
		BAD_DATE,
		/** An event name outside the configured list. */
		UNKNOWN_EVENT_NAME;

		/** The reason as a lowercase tag value, e.g. {@code not-json}. */
		public String tag() {
			return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
		}

	}

}
