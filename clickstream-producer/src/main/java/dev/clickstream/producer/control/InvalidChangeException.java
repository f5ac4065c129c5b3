package dev.clickstream.producer.control;

import org.jspecify.annotations.Nullable;

/** A change to the generator that is refused as a whole: nothing of it is applied. */
class InvalidChangeException extends RuntimeException {

	private final @Nullable String field;

	InvalidChangeException(@Nullable String field, String message) {
		super(message);
		this.field = field;
	}

	/** The field at fault, or null when the request as a whole is. */
	@Nullable String field() {
		return this.field;
	}

}
