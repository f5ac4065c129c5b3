package dev.clickstream.model;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The counts of one event-time window, as the event-listener writes them to the window results topic, in the seed's
 * style: {@code {"windowStart":"2026-01-01T00:01:00UTC","windowEnd":"2026-01-01T00:02:00UTC","productview":812,
 * "purchase":31,"addtobasket":95,"removefrombasket":14,"final":true,"receiveAt":"2026-01-01T00:02:31UTC"}}.
 *
 * <p>As in the counts snapshot the counts are top-level fields named after the events: every whole-number field is a
 * count; fields this version does not know are ignored.
 *
 * @param windowStart the window's first second
 * @param windowEnd the window's end, exclusive
 * @param counts events per name, in the order given (and read)
 * @param isFinal whether the window has closed: a final record is never followed by another of the same window
 * @param receiveAt when these counts were published, in UTC, to the second
 */
public record WindowResult(Instant windowStart, Instant windowEnd, Map<String, Long> counts, boolean isFinal,
		Instant receiveAt) {

	static final String WINDOW_START = "windowStart";

	static final String WINDOW_END = "windowEnd";

	static final String FINAL = "final";

	static final String RECEIVE_AT = "receiveAt";

	public WindowResult {
		counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
	}

	/** The sum of all counts. */
	public long total() {
		return this.counts.values().stream().mapToLong(Long::longValue).sum();
	}

	public long count(String eventName) {
		return this.counts.getOrDefault(eventName, 0L);
	}

	public byte[] toJson(JsonMapper json) {
		ObjectNode node = json.createObjectNode();
		node.put(WINDOW_START, SeedTime.format(this.windowStart));
		node.put(WINDOW_END, SeedTime.format(this.windowEnd));
		this.counts.forEach(node::put);
		node.put(FINAL, this.isFinal);
		node.put(RECEIVE_AT, SeedTime.format(this.receiveAt));
		return json.writeValueAsBytes(node);
	}

	/** @throws IllegalArgumentException if the bytes are not a window result */
	public static WindowResult fromJson(JsonMapper json, byte[] value) {
		JsonNode node = json.readTree(value);
		if (!node.isObject()) {
			throw new IllegalArgumentException("a window result is a JSON object");
		}
		Map<String, Long> counts = new LinkedHashMap<>();
		node.properties().forEach(field -> {
			if (field.getValue().isIntegralNumber()) {
				counts.put(field.getKey(), field.getValue().longValue());
			}
		});
		return new WindowResult(instant(node, WINDOW_START), instant(node, WINDOW_END), counts,
				node.path(FINAL).asBoolean(false), instant(node, RECEIVE_AT));
	}

	private static Instant instant(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || !value.isString()) {
			throw new IllegalArgumentException("a window result needs \"" + field + "\" as a string");
		}
		return SeedTime.parse(value.asString());
	}

}
