package dev.clickstream.listener.counting;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PartitionCountsTest {

	@Test
	void addsEachEventOnceAndRemembersWhereCountingStopped() {
		PartitionCounts counts = PartitionCounts.empty(2)
			.plus(List.of("purchase", "productview", "purchase"), 3)
			.plus(List.of("addtobasket"), 4);

		assertThat(counts.partition()).isEqualTo(2);
		assertThat(counts.nextOffset()).isEqualTo(4);
		assertThat(counts.counts()).isEqualTo(Map.of("purchase", 2L, "productview", 1L, "addtobasket", 1L));
		assertThat(counts.isEmpty()).isFalse();
	}

	@Test
	void skippedRecordsAdvanceTheOffsetWithoutCounting() {
		PartitionCounts counts = PartitionCounts.empty(0).plus(List.of(), 10);

		assertThat(counts.nextOffset()).isEqualTo(10);
		assertThat(counts.counts()).isEmpty();
	}

	@Test
	void refusesToCountTheSameOffsetsTwice() {
		PartitionCounts counts = PartitionCounts.empty(1).plus(List.of("purchase"), 5);

		assertThatIllegalArgumentException().isThrownBy(() -> counts.plus(List.of("purchase"), 5))
			.withMessageContaining("partition 1 is counted up to offset 5");
	}

	@Test
	void isImmutable() {
		PartitionCounts before = PartitionCounts.empty(0).plus(List.of("purchase"), 1);
		before.plus(List.of("purchase"), 2);

		assertThat(before.counts()).isEqualTo(Map.of("purchase", 1L));
	}

}
