package dev.clickstream.model;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * The running totals per event name, as the event-listener writes them to {@code unique-event-topic}:
 * {@code {"productview":9278,"purchase":9301,"addtobasket":9317,"removefrombasket":9293,"receiveAt":"2020-02-27T00:06:38UTC"}}.
 *
 * <p>The counts are top-level fields named after the events, exactly as in the original design, so the set of names
 * is open-ended: every whole-number field is a count, {@code receiveAt} is the time, anything else is ignored.
 *
 * @param counts how many events of each name were counted, in the order given (and read)
 * @param receiveAt when these totals were computed, in UTC, to the second
 */
public record CountsSnapshot(@JsonAnyGetter Map<String, Long> counts,
		@JsonSerialize(using = SeedTimeSerializer.class) Instant receiveAt) {

	static final String RECEIVE_AT = "receiveAt";

	public CountsSnapshot {
		counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
	}

	// A delegating creator keeps the field order of the JSON, which Jackson's any-setter does not.
	@JsonCreator
	static CountsSnapshot fromJson(LinkedHashMap<String, Object> fields) {
		Object receiveAt = fields.remove(RECEIVE_AT);
		if (!(receiveAt instanceof String text)) {
			throw new IllegalArgumentException("a counts snapshot needs \"receiveAt\" as a string, got " + receiveAt);
		}
		Map<String, Long> counts = new LinkedHashMap<>();
		fields.forEach((name, value) -> {
			if (value instanceof Integer || value instanceof Long) {
				counts.put(name, ((Number) value).longValue());
			}
		});
		return new CountsSnapshot(counts, SeedTime.parse(text));
	}

	/** The sum of all counts: how many events these totals cover. */
	@JsonIgnore
	public long total() {
		return counts.values().stream().mapToLong(Long::longValue).sum();
	}

}
