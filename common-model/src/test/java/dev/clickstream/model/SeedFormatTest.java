package dev.clickstream.model;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeedFormatTest {

	// Verbatim from the original design's "Record types", whitespace removed.
	static final String SEED_CLICK = "{\"date\":\"2020-03-25T19:05:49UTC\",\"productId\":\"4pqurkxx3oku8yj\",\"eventName\":\"productview\",\"userId\":\"ur0kzmbj\"}";

	static final String SEED_SNAPSHOT = "{\"productview\":9278,\"purchase\":9301,\"addtobasket\":9317,\"removefrombasket\":9293,\"receiveAt\":\"2020-02-27T00:06:38UTC\"}";

	final JsonMapper json = JsonMapper.builder().build();

	@Test
	void readsTheSeedClickEventAndWritesItBackUnchanged() {
		ClickEvent event = json.readValue(SEED_CLICK, ClickEvent.class);

		assertThat(event).isEqualTo(new ClickEvent(Instant.parse("2020-03-25T19:05:49Z"), "4pqurkxx3oku8yj",
				"productview", "ur0kzmbj"));
		assertThat(json.writeValueAsString(event)).isEqualTo(SEED_CLICK);
	}

	@Test
	void readsTheSeedSnapshotAndWritesItBackUnchanged() {
		CountsSnapshot snapshot = json.readValue(SEED_SNAPSHOT, CountsSnapshot.class);

		assertThat(snapshot.counts()).containsExactly(Map.entry("productview", 9278L), Map.entry("purchase", 9301L),
				Map.entry("addtobasket", 9317L), Map.entry("removefrombasket", 9293L));
		assertThat(snapshot.receiveAt()).isEqualTo(Instant.parse("2020-02-27T00:06:38Z"));
		assertThat(snapshot.total()).isEqualTo(9278L + 9301 + 9317 + 9293);
		assertThat(json.writeValueAsString(snapshot)).isEqualTo(SEED_SNAPSHOT);
	}

	@Test
	void acceptsIsoInstantsFromOtherProducers() {
		ClickEvent event = json.readValue(SEED_CLICK.replace("2020-03-25T19:05:49UTC", "2020-03-25T19:05:49.250Z"),
				ClickEvent.class);

		assertThat(event.date()).isEqualTo(Instant.parse("2020-03-25T19:05:49.250Z"));
	}

	@Test
	void rejectsADateInNeitherFormat() {
		assertThatThrownBy(() -> json.readValue(SEED_CLICK.replace("2020-03-25T19:05:49UTC", "yesterday"),
				ClickEvent.class))
			.hasMessageContaining("2020-03-25T19:05:49UTC");
	}

	@Test
	void writesSecondsInUtcWhateverTheInstant() {
		assertThat(SeedTime.format(Instant.parse("2026-01-02T03:04:05.999Z"))).isEqualTo("2026-01-02T03:04:05UTC");
	}

}
