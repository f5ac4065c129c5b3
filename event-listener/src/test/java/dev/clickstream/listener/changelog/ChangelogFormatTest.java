package dev.clickstream.listener.changelog;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

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
		String fromANewerRelease = "{\"partition\":0,\"nextOffset\":5,\"counts\":{\"purchase\":5},\"windows\":[]}";

		assertThat(this.format.read(fromANewerRelease.getBytes(StandardCharsets.UTF_8)))
			.isEqualTo(new PartitionState(0, 5, Map.of("purchase", 5L)));
	}

}
