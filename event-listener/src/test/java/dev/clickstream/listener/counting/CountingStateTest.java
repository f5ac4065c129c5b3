package dev.clickstream.listener.counting;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class CountingStateTest {

	final CountingState state = new CountingState();

	@Test
	void countsBecomeCurrentOnlyWhenCommitted() {
		this.state.restore(PartitionCounts.empty(0));
		PartitionCounts counted = this.state.committed(0).plus(Map.of("purchase", 1L), 1);

		assertThat(this.state.committed(0).counts()).isEmpty();
		this.state.commit(List.of(counted));
		assertThat(this.state.committed(0).counts()).isEqualTo(Map.of("purchase", 1L));
	}

	@Test
	void anUncommittedBatchLeavesNothingBehind() {
		this.state.restore(PartitionCounts.empty(0).plus(Map.of("purchase", 1L), 1));
		this.state.committed(0).plus(Map.of("purchase", 2L), 3);

		// A rollback means commit is never called: the redelivered batch counts from the committed state again.
		PartitionCounts recounted = this.state.committed(0).plus(Map.of("purchase", 2L), 3);
		assertThat(recounted.counts()).isEqualTo(Map.of("purchase", 3L));
	}

	@Test
	void aRevokedPartitionIsNotBroughtBackByALateCommit() {
		this.state.restore(PartitionCounts.empty(1));
		PartitionCounts counted = this.state.committed(1).plus(Map.of("purchase", 1L), 1);
		this.state.drop(1);

		this.state.commit(List.of(counted));

		assertThatIllegalStateException().isThrownBy(() -> this.state.committed(1))
			.withMessageContaining("never restored");
	}

}
