package dev.clickstream.listener.counting;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PartitionCountsTest {

	@Test
	void batchesAddUpAndRememberWhereCountingStopped() {
		PartitionBatch first = new PartitionBatch(PartitionCounts.empty(2));
		first.count("purchase", 0, 1000);
		first.count("productview", 1, 900);
		first.count("purchase", 2, 1100);
		PartitionBatch second = new PartitionBatch(first.counts());
		second.count("addtobasket", 3, 2000);

		PartitionCounts counts = second.counts();
		assertThat(counts.partition()).isEqualTo(2);
		assertThat(counts.nextOffset()).isEqualTo(4);
		assertThat(counts.counts()).isEqualTo(Map.of("purchase", 2L, "productview", 1L, "addtobasket", 1L));
		assertThat(second.added()).isEqualTo(Map.of("addtobasket", 1L));
		assertThat(first.oldestTimestamp()).hasValue(900);
	}

	@Test
	void skippedRecordsAdvanceTheOffsetWithoutCounting() {
		PartitionBatch batch = new PartitionBatch(PartitionCounts.empty(0));
		batch.count("purchase", 8, 5);
		batch.skip(9);

		assertThat(batch.counts().nextOffset()).isEqualTo(10);
		assertThat(batch.counts().counts()).isEqualTo(Map.of("purchase", 1L));
	}

	@Test
	void aBatchOfOnlySkippedRecordsHasNoOldestEvent() {
		PartitionBatch batch = new PartitionBatch(PartitionCounts.empty(0));
		batch.skip(3);

		assertThat(batch.oldestTimestamp()).isEmpty();
	}

	@Test
	void refusesToCountTheSameOffsetsTwice() {
		PartitionCounts counts = PartitionCounts.empty(1).plus(Map.of("purchase", 1L), 5);

		assertThatIllegalArgumentException().isThrownBy(() -> counts.plus(Map.of("purchase", 1L), 5))
			.withMessageContaining("partition 1 is counted up to offset 5");
	}

	@Test
	void isImmutable() {
		PartitionCounts before = PartitionCounts.empty(0).plus(Map.of("purchase", 1L), 1);
		before.plus(Map.of("purchase", 1L), 2);

		assertThat(before.counts()).isEqualTo(Map.of("purchase", 1L));
	}

}
