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
	void aPartitionWithEventsSinceItsLastCheckpointHasOneDueAndNoneOnceItIsWritten() {
		BatchCounterTest.restore(this.state, PartitionState.empty(0));
		BatchCounter counter = BatchCounterTest.windowed();
		assertThat(this.state.uncheckpointed(0)).as("nothing counted").isNull();

		this.state.begin(List.of(0));
		CountedBatch counted = counter.count(new TestBatch().eventAt(0, 0, "2026-01-01T00:00:10UTC", "purchase"),
				this.state, partition -> false);
		assertThat(this.state.uncheckpointed(0)).as("a batch not committed yet").isNull();
		this.state.commit(counted.states(), counted.checkpoints(), 0);

		PartitionState due = this.state.uncheckpointed(0);
		assertThat(due).isNotNull();
		assertThat(due.nextOffset()).isEqualTo(1);
		assertThat(due.sketches()).isNotNull();
		assertThat(due.windows()).singleElement().satisfies(window -> assertThat(window.sketches()).isNotNull());
		assertThat(counter.openWindows(due)).singleElement()
			.satisfies(window -> assertThat(window.sketches()).isEqualTo(due.windows().get(0).sketches()));
		this.state.commit(List.of(), List.of(due), 1);
		assertThat(this.state.uncheckpointed(0)).as("checkpointed").isNull();
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
