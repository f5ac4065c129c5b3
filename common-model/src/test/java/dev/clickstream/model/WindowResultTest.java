package dev.clickstream.model;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class WindowResultTest {

	// What the listener wrote to event-counts-per-minute before windows had unique users and top products.
	static final String WITHOUT_FIGURES = "{\"windowStart\":\"2026-01-01T00:01:00UTC\",\"windowEnd\":\"2026-01-01T00:02:00UTC\",\"productview\":812,\"purchase\":31,\"addtobasket\":95,\"removefrombasket\":14,\"final\":true,\"receiveAt\":\"2026-01-01T00:02:31UTC\"}";

	final JsonMapper json = JsonMapper.builder().build();

	@Test
	void readsAResultWrittenBeforeWindowsHadFiguresWithoutThem() {
		WindowResult result = WindowResult.fromJson(this.json, WITHOUT_FIGURES.getBytes(StandardCharsets.UTF_8));

		assertThat(result.counts()).containsExactly(Map.entry("productview", 812L), Map.entry("purchase", 31L),
				Map.entry("addtobasket", 95L), Map.entry("removefrombasket", 14L));
		assertThat(result.isFinal()).isTrue();
		assertThat(result.uniqueUsers()).isNull();
		assertThat(result.topProducts()).isNull();
		assertThat(result.usersSketch()).isNull();
		assertThat(new String(result.toJson(this.json), StandardCharsets.UTF_8)).isEqualTo(WITHOUT_FIGURES);
	}

	@Test
	void writesAndReadsTheUniqueUsersAndTopProductsAsObjectsBesideTheCounts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		counts.put("productview", 3L);
		counts.put("purchase", 1L);
		WindowResult result = new WindowResult(Instant.parse("2026-01-01T00:01:00Z"),
				Instant.parse("2026-01-01T00:02:00Z"), counts, false, Instant.parse("2026-01-01T00:01:40Z"),
				new UniqueUsers(2, 2, 3),
				new TopProducts(List.of(new ProductCount("4pqurkxx3oku8yj", 2, 2, 2), new ProductCount("aaaaaaaaaaaaaaa", 1, 1, 1)),
						List.of(new ProductCount("4pqurkxx3oku8yj", 1, 1, 1))),
				"AgEHDAMABAgGgRIIAAAA");

		byte[] written = result.toJson(this.json);

		assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo("{\"windowStart\":\"2026-01-01T00:01:00UTC\","
				+ "\"windowEnd\":\"2026-01-01T00:02:00UTC\",\"productview\":3,\"purchase\":1,\"final\":false,"
				+ "\"receiveAt\":\"2026-01-01T00:01:40UTC\",\"uniqueUsers\":{\"estimate\":2,\"lowerBound\":2,\"upperBound\":3},"
				+ "\"topProducts\":{\"viewed\":[{\"productId\":\"4pqurkxx3oku8yj\",\"count\":2,\"lowerBound\":2,\"upperBound\":2},"
				+ "{\"productId\":\"aaaaaaaaaaaaaaa\",\"count\":1,\"lowerBound\":1,\"upperBound\":1}],"
				+ "\"purchased\":[{\"productId\":\"4pqurkxx3oku8yj\",\"count\":1,\"lowerBound\":1,\"upperBound\":1}]},"
				+ "\"usersSketch\":\"AgEHDAMABAgGgRIIAAAA\"}");
		// The figures are objects and a string: a reader of counts, as the first version was, sees the counts only.
		assertThat(WindowResult.fromJson(this.json, written)).isEqualTo(result);
		assertThat(WindowResult.fromJson(this.json, written).counts()).containsOnlyKeys("productview", "purchase");
	}

}
