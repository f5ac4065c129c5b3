package dev.clickstream.listener.counting;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.clickstream.listener.changelog.PartitionState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class CountingStateTest {

	final CountingState state = new CountingState();

	@Test
	void countsBecomeCurrentOnlyWhenCommitted() {
		BatchCounterTest.restore(this.state, PartitionState.empty(0));
		CountedBatch counted = BatchCounterTest.counter(false)
			.count(new TestBatch().event(0, 0, 1, "purchase"), this.state, BatchCounterTest.CHECKPOINT);

		assertThat(this.state.committed(0)).isEqualTo(PartitionState.empty(0));
		this.state.commit(counted.states(), counted.checkpoints(), 0);
		assertThat(this.state.committed(0)).isEqualTo(new PartitionState(0, 1, Map.of("purchase", 1L)));
	}

	@Test
	void anUncommittedBatchLeavesNothingBehind() {
		PartitionState restored = new PartitionState(0, 1, Map.of("purchase", 1L));
		BatchCounterTest.restore(this.state, restored);
		TestBatch batch = new TestBatch().event(0, 1, 1, "purchase").event(0, 2, 2, "purchase");
		BatchCounter counter = BatchCounterTest.counter(false);
		CountedBatch rolledBack = counter.count(batch, this.state, BatchCounterTest.CHECKPOINT);

		// A rollback means commit is never called: the redelivered batch counts from the committed state again.
		assertThat(this.state.committed(0)).isEqualTo(restored);
		CountedBatch redelivered = counter.count(batch, this.state, BatchCounterTest.CHECKPOINT);
		assertThat(redelivered.states()).isEqualTo(rolledBack.states())
			.containsExactly(new PartitionState(0, 3, Map.of("purchase", 3L)));
	}

	@Test
	void aRevokedPartitionIsNotBroughtBackByALateCommit() {
		BatchCounterTest.restore(this.state, PartitionState.empty(1));
		PartitionState counted = this.state.committed(1).plus(Map.of("purchase", 1L), 1);
		this.state.drop(1);

		this.state.commit(List.of(counted), List.of(), 0);

		assertThatIllegalStateException().isThrownBy(() -> this.state.committed(1))
			.withMessageContaining("never restored");
	}

}
