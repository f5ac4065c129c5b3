package dev.clickstream.producer.control;

import java.util.Map;
import java.util.Set;

import dev.clickstream.producer.generator.GeneratorControl;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A change to the running generator, read from a JSON object such as {@code {"rate": 500}} or
 * {@code {"paused": true}}. Read field by field, so that a field it does not know, or a value of the wrong type, is
 * refused by name rather than ignored.
 *
 * @param rate the new rate in events a second, or null to keep it
 * @param paused true to pause, false to resume, null to keep it
 */
record GeneratorChange(@Nullable Long rate, @Nullable Boolean paused) {

	static final Set<String> FIELDS = Set.of("rate", "paused");

	/** @throws InvalidChangeException naming the field that is unknown or of the wrong type */
	static GeneratorChange of(JsonNode body) {
		if (!body.isObject()) {
			throw new InvalidChangeException(null, "the body must be a JSON object with rate and/or paused");
		}
		for (Map.Entry<String, JsonNode> field : body.properties()) {
			if (!FIELDS.contains(field.getKey())) {
				throw new InvalidChangeException(field.getKey(),
						"unknown field '" + field.getKey() + "'; known fields are rate and paused");
			}
		}
		if (body.isEmpty()) {
			throw new InvalidChangeException(null, "nothing to change: give rate and/or paused");
		}
		JsonNode rate = body.get("rate");
		if (rate != null && !(rate.isIntegralNumber() && rate.canConvertToLong())) {
			throw new InvalidChangeException("rate", "rate must be a whole number of events a second, was " + rate);
		}
		if (rate != null && (rate.longValue() < 1 || rate.longValue() > GeneratorControl.MAX_RATE)) {
			throw new InvalidChangeException("rate",
					"rate must be from 1 to " + GeneratorControl.MAX_RATE + " events a second, was " + rate);
		}
		JsonNode paused = body.get("paused");
		if (paused != null && !paused.isBoolean()) {
			throw new InvalidChangeException("paused", "paused must be true or false, was " + paused);
		}
		return new GeneratorChange(rate != null ? rate.longValue() : null, paused != null ? paused.booleanValue() : null);
	}

}
