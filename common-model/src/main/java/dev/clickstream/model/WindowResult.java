package dev.clickstream.model;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The counts of one event-time window, as the event-listener writes them to the window results topic, in the seed's
 * style: {@code {"windowStart":"2026-01-01T00:01:00UTC","windowEnd":"2026-01-01T00:02:00UTC","productview":812,
 * "purchase":31,"addtobasket":95,"removefrombasket":14,"final":true,"receiveAt":"2026-01-01T00:02:31UTC"}}.
 *
 * <p>As in the counts snapshot the counts are top-level fields named after the events: every whole-number field is a
 * count; fields this version does not know are ignored. The unique users and top products are objects, which readers
 * of counts (the first version among them) pass over.
 *
 * @param windowStart the window's first second
 * @param windowEnd the window's end, exclusive
 * @param counts events per name, in the order given (and read)
 * @param isFinal whether the window has closed: a final record is never followed by another of the same window
 * @param receiveAt when these counts were published, in UTC, to the second
 * @param uniqueUsers the window's distinct users; null in results of windows partly counted by a version without
 * sketches
 * @param topProducts the window's most viewed and bought products; null where {@code uniqueUsers} is
 * @param usersSketch the window's users as a DataSketches HLL sketch, Base64: any DataSketches library merges it with
 * others into the distinct users of several windows, as the listener does for days; null where {@code uniqueUsers} is
 */
public record WindowResult(Instant windowStart, Instant windowEnd, Map<String, Long> counts, boolean isFinal,
		Instant receiveAt, @Nullable UniqueUsers uniqueUsers, @Nullable TopProducts topProducts,
		@Nullable String usersSketch) {

	static final String WINDOW_START = "windowStart";

	static final String WINDOW_END = "windowEnd";

	static final String FINAL = "final";

	static final String RECEIVE_AT = "receiveAt";

	static final String UNIQUE_USERS = "uniqueUsers";

	static final String TOP_PRODUCTS = "topProducts";

	static final String USERS_SKETCH = "usersSketch";

	public WindowResult {
		counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
	}

	/** A result with counts only. */
	public WindowResult(Instant windowStart, Instant windowEnd, Map<String, Long> counts, boolean isFinal,
			Instant receiveAt) {
		this(windowStart, windowEnd, counts, isFinal, receiveAt, null, null, null);
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
		if (this.uniqueUsers != null) {
			node.set(UNIQUE_USERS, json.valueToTree(this.uniqueUsers));
		}
		if (this.topProducts != null) {
			node.set(TOP_PRODUCTS, json.valueToTree(this.topProducts));
		}
		if (this.usersSketch != null) {
			node.put(USERS_SKETCH, this.usersSketch);
		}
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
		JsonNode users = node.get(UNIQUE_USERS);
		JsonNode top = node.get(TOP_PRODUCTS);
		JsonNode sketch = node.get(USERS_SKETCH);
		return new WindowResult(instant(node, WINDOW_START), instant(node, WINDOW_END), counts,
				node.path(FINAL).asBoolean(false), instant(node, RECEIVE_AT),
				(users != null && users.isObject()) ? json.treeToValue(users, UniqueUsers.class) : null,
				(top != null && top.isObject()) ? json.treeToValue(top, TopProducts.class) : null,
				(sketch != null && sketch.isString()) ? sketch.asString() : null);
	}

	private static Instant instant(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || !value.isString()) {
			throw new IllegalArgumentException("a window result needs \"" + field + "\" as a string");
		}
		return SeedTime.parse(value.asString());
	}

}
