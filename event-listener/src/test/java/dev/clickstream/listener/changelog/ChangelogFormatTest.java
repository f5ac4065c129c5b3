package dev.clickstream.listener.changelog;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.apache.datasketches.hll.HllSketch;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.clickstream.listener.sketches.EventSketches;
import dev.clickstream.listener.sketches.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ChangelogFormatTest {

	// Byte for byte what the listener has written to event-counts-changelog since its first release.
	static final String WRITTEN_BY_THE_FIRST_RELEASE = "{\"partition\":2,\"nextOffset\":1337,\"counts\":{\"addtobasket\":3,\"productview\":1200,\"purchase\":7}}";

	final ChangelogFormat format = new ChangelogFormat(JsonMapper.builder().build());

	@Test
	void readsWhatTheFirstReleaseWrote() {
		PartitionState state = this.format.read(WRITTEN_BY_THE_FIRST_RELEASE.getBytes(StandardCharsets.UTF_8));

		assertThat(state).isEqualTo(
				new PartitionState(2, 1337, Map.of("addtobasket", 3L, "productview", 1200L, "purchase", 7L)));
	}

	@Test
	void writesTheSameBytesTheFirstReleaseWrote() {
		PartitionState state = new PartitionState(2, 1337,
				Map.of("purchase", 7L, "productview", 1200L, "addtobasket", 3L));

		assertThat(new String(this.format.write(state), StandardCharsets.UTF_8)).isEqualTo(WRITTEN_BY_THE_FIRST_RELEASE);
	}

	@Test
	void readsRecordsWithFieldsItDoesNotKnow() {
		String fromANewerRelease = "{\"partition\":0,\"nextOffset\":5,\"counts\":{\"purchase\":5},\"uniqueUsers\":\"AgEHEA\"}";

		assertThat(this.format.read(fromANewerRelease.getBytes(StandardCharsets.UTF_8)))
			.isEqualTo(new PartitionState(0, 5, Map.of("purchase", 5L)));
	}

	// What this release writes for a partition with open windows; the first release reads it, ignoring the windows.
	static final String WITH_WINDOWS = "{\"partition\":1,\"nextOffset\":9,\"counts\":{\"purchase\":2},\"watermark\":1767225690,\"windows\":[{\"start\":1767225660,\"counts\":{\"purchase\":1}}]}";

	@Test
	void writesAndReadsTheOpenWindowsAndTheWatermark() {
		PartitionState state = new PartitionState(1, 9, Map.of("purchase", 2L), 1_767_225_690L,
				List.of(new WindowCounts(1_767_225_660L, Map.of("purchase", 1L))));

		assertThat(new String(this.format.write(state), StandardCharsets.UTF_8)).isEqualTo(WITH_WINDOWS);
		assertThat(this.format.read(WITH_WINDOWS.getBytes(StandardCharsets.UTF_8))).isEqualTo(state);
	}

	@Test
	void aRecordOfTheReleaseWithWindowsHasNoSketches() {
		PartitionState state = this.format.read(WITH_WINDOWS.getBytes(StandardCharsets.UTF_8));

		assertThat(state.sketches()).isNull();
		assertThat(state.windows()).singleElement().extracting(WindowCounts::sketches).isNull();
	}

	@Test
	void writesAndReadsSketchesInDataSketchesOwnFormatAsBase64() {
		EventSketches sketches = EventSketches.empty(false);
		sketches.add(TestEvents.click("productview", "ur0kzmbj", "4pqurkxx3oku8yj"));
		Sketches written = sketches.sketches();
		PartitionState state = new PartitionState(1, 9, Map.of("productview", 1L), 1_767_225_690L,
				List.of(new WindowCounts(1_767_225_660L, Map.of("productview", 1L), written)), written);
		PartitionWindow window = new PartitionWindow(1, 1_767_225_660L, 1_767_225_720L, Map.of("productview", 1L),
				false, 1_767_225_690L, written);

		byte[] bytes = this.format.write(state);

		assertThat(this.format.read(bytes)).isEqualTo(state);
		assertThat(this.format.readWindow(this.format.writeWindow(window))).isEqualTo(window);
		JsonNode json = JsonMapper.builder().build().readTree(bytes);
		String users = json.path("sketches").path("users").asString();
		// Any DataSketches library reads them: here Java's, from the Base64 of the record.
		assertThat(HllSketch.heapify(Base64.getDecoder().decode(users)).getEstimate()).isCloseTo(1.0, within(1e-6));
		assertThat(json.path("windows").path(0).path("sketches").path("viewed").asString()).isNotEmpty();
		assertThat(json.path("sketches").path("partial").asBoolean(true)).isFalse();
	}

	@Test
	void aRecordOfTheFirstReleaseHasNoWatermarkAndNoOpenWindow() {
		PartitionState state = this.format.read(WRITTEN_BY_THE_FIRST_RELEASE.getBytes(StandardCharsets.UTF_8));

		assertThat(state.watermark()).isNull();
		assertThat(state.windows()).isEmpty();
	}

	@Test
	void writesAndReadsAPartitionsCountsOfAWindow() {
		PartitionWindow window = new PartitionWindow(1, 1_767_225_660L, 1_767_225_720L,
				Map.of("purchase", 1L, "productview", 40L), true, 1_767_225_750L);
		String expected = "{\"partition\":1,\"start\":1767225660,\"end\":1767225720,\"counts\":{\"productview\":40,\"purchase\":1},\"closed\":true,\"watermark\":1767225750}";

		assertThat(new String(this.format.writeWindow(window), StandardCharsets.UTF_8)).isEqualTo(expected);
		assertThat(this.format.readWindow(expected.getBytes(StandardCharsets.UTF_8))).isEqualTo(window);
	}

}
