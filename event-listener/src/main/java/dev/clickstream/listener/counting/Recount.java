package dev.clickstream.listener.counting;

import dev.clickstream.listener.changelog.PartitionState;
import dev.clickstream.listener.sketches.PartitionSketches;

/**
 * One partition counted again from its checkpoint, batch after batch, for the sketches the checkpoint does not hold
 * yet: counting the same events in the same order on the same state comes to the same sketches. Arithmetic only.
 */
final class Recount implements CommittedPartitions {

	private final BatchCounter counter;

	private final PartitionSketches sketches;

	private PartitionState state;

	/** @param checkpoint the partition's state with its sketches */
	Recount(BatchCounter counter, PartitionState checkpoint) {
		this.counter = counter;
		this.sketches = PartitionSketches.of(checkpoint);
		this.state = checkpoint.withoutSketches();
	}

	/** Counts the partition's next events; what counting them wrote is written already, and is not written again. */
	void add(EventBatch batch) {
		CountedBatch counted = this.counter.count(batch, this, partition -> false);
		if (!counted.states().isEmpty()) {
			this.state = counted.states().get(0);
		}
	}

	/** The state counted so far: where the recount stands. */
	PartitionState state() {
		return this.state;
	}

	/** The sketches of the events of {@link #state()}. */
	PartitionSketches sketches() {
		return this.sketches;
	}

	@Override
	public PartitionState committed(int partition) {
		requireOwn(partition);
		return this.state;
	}

	@Override
	public PartitionSketches sketches(int partition) {
		requireOwn(partition);
		return this.sketches;
	}

	private void requireOwn(int partition) {
		if (partition != this.state.partition()) {
			throw new IllegalArgumentException(
					"recounting partition " + this.state.partition() + ", not partition " + partition);
		}
	}

}
