package dev.clickstream.listener.counting;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.clickstream.listener.changelog.PartitionState;

import static org.assertj.core.api.Assertions.assertThat;

class PartitionBatchTest {

	@Test
	void batchesAddUpAndRememberWhereCountingStopped() {
		PartitionBatch first = new PartitionBatch(PartitionState.empty(2), null, null);
		first.count("purchase", 0, 1000);
		first.count("productview", 1, 900);
		first.count("purchase", 2, 1100);
		PartitionBatch second = new PartitionBatch(first.state(), null, null);
		second.count("addtobasket", 3, 2000);

		PartitionState counts = second.state();
		assertThat(counts.partition()).isEqualTo(2);
		assertThat(counts.nextOffset()).isEqualTo(4);
		assertThat(counts.counts()).isEqualTo(Map.of("purchase", 2L, "productview", 1L, "addtobasket", 1L));
		assertThat(second.added()).isEqualTo(Map.of("addtobasket", 1L));
		assertThat(first.oldestTimestamp()).hasValue(900);
	}

	@Test
	void skippedRecordsAdvanceTheOffsetWithoutCounting() {
		PartitionBatch batch = new PartitionBatch(PartitionState.empty(0), null, null);
		batch.count("purchase", 8, 5);
		batch.skip(9);

		assertThat(batch.state().nextOffset()).isEqualTo(10);
		assertThat(batch.state().counts()).isEqualTo(Map.of("purchase", 1L));
	}

	@Test
	void aBatchOfOnlySkippedRecordsHasNoOldestEvent() {
		PartitionBatch batch = new PartitionBatch(PartitionState.empty(0), null, null);
		batch.skip(3);

		assertThat(batch.oldestTimestamp()).isEmpty();
	}

}
