package dev.clickstream.kafka;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SideTopicHeadersTest {

	// Clients outside this repository read these names off the topics: a rename breaks them.
	@Test
	void theHeaderNamesAreThoseOnTheTopics() {
		assertThat(SideTopicHeaders.DEAD_LETTER_REASON).isEqualTo("dlt.reason");
		assertThat(SideTopicHeaders.DEAD_LETTER_DETAIL).isEqualTo("dlt.detail");
		assertThat(SideTopicHeaders.originalOffset(SideTopicHeaders.DEAD_LETTERS)).isEqualTo("dlt.original.offset");
		assertThat(SideTopicHeaders.LATE_WINDOW_START).isEqualTo("late.window.start");
		assertThat(SideTopicHeaders.LATE_LATENESS_SECONDS).isEqualTo("late.lateness.seconds");
		assertThat(SideTopicHeaders.originalTopic(SideTopicHeaders.LATE_EVENTS)).isEqualTo("late.original.topic");
		assertThat(SideTopicHeaders.originalPartition(SideTopicHeaders.LATE_EVENTS))
			.isEqualTo("late.original.partition");
	}

}
