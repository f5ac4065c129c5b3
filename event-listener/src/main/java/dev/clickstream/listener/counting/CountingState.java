package dev.clickstream.listener.counting;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import dev.clickstream.listener.changelog.PartitionState;
import dev.clickstream.listener.changelog.WindowCounts;
import dev.clickstream.listener.sketches.PartitionSketches;

/**
 * The committed state of the partitions this instance owns, with their sketches. A batch is counted into new values
 * first; they replace the committed ones only after the Kafka transaction that carries them commits, so an aborted
 * batch leaves no counts behind. The sketches are updated in place instead: a batch marks its partitions' sketches as
 * unsure when it begins, and only its commit makes them sure again. Each partition is touched by one listener thread
 * at a time; the map is concurrent because several listener threads share it.
 */
class CountingState implements CommittedPartitions {

	private final Map<Integer, Partition> partitions = new ConcurrentHashMap<>();

	/**
	 * Takes over a partition with the state last committed for it.
	 * @param sketches the sketches of the same events as the state
	 * @param checkpoint the partition's newest checkpoint, which the sketches can be rebuilt from; null if it has none
	 */
	void restore(PartitionState state, PartitionSketches sketches, @Nullable PartitionState checkpoint) {
		this.partitions.put(state.partition(), new Partition(state, sketches, checkpoint));
	}

	/** Forgets a partition another instance now counts. */
	void drop(int partition) {
		this.partitions.remove(partition);
	}

	@Override
	public PartitionState committed(int partition) {
		return partition(partition).committed;
	}

	@Override
	public PartitionSketches sketches(int partition) {
		return partition(partition).sketches;
	}

	/** The partition's newest checkpoint; null if it has none. */
	@Nullable PartitionState checkpoint(int partition) {
		return partition(partition).checkpoint;
	}

	/** How long ago, by {@link System#nanoTime()}, the partition was last checkpointed; null if never. */
	@Nullable Long nanosSinceCheckpoint(int partition, long nowNanos) {
		Partition state = partition(partition);
		return (state.checkpoint != null) ? nowNanos - state.checkpointedAtNanos : null;
	}

	private Partition partition(int partition) {
		Partition state = this.partitions.get(partition);
		if (state == null) {
			throw new IllegalStateException("partition " + partition + " was never restored on this instance");
		}
		return state;
	}

	/**
	 * The partition's committed state with its sketches, if it has counted events since its last checkpoint; null if
	 * not, or if it is not held here, or if its sketches are unsure.
	 */
	@Nullable PartitionState uncheckpointed(int partition) {
		Partition state = this.partitions.get(partition);
		if (state == null || state.unsure || state.committed.isEmpty()) {
			return null;
		}
		PartitionState checkpoint = state.checkpoint;
		if (checkpoint != null && checkpoint.nextOffset() >= state.committed.nextOffset()) {
			return null;
		}
		return state.sketches.checkpoint(state.committed);
	}

	/** Marks the partitions' sketches as holding events of a batch not committed yet. */
	void begin(Collection<Integer> partitions) {
		partitions.forEach(partition -> partition(partition).unsure = true);
	}

	/** Whether a batch that did not commit left its events in the partition's sketches. */
	boolean sketchesUnsure(int partition) {
		return partition(partition).unsure;
	}

	/** Puts back sketches rebuilt to match the committed state. */
	void rebuilt(int partition, PartitionSketches sketches) {
		Partition state = partition(partition);
		state.sketches = sketches;
		state.unsure = false;
	}

	/** The bytes of the open windows' sketches in the newest checkpoints of the partitions held. */
	long openWindowSketchBytes() {
		long bytes = 0;
		for (Partition partition : this.partitions.values()) {
			PartitionState checkpoint = partition.checkpoint;
			if (checkpoint != null) {
				for (WindowCounts window : checkpoint.windows()) {
					bytes += (window.sketches() != null) ? window.sketches().size() : 0;
				}
			}
		}
		return bytes;
	}

	/**
	 * Makes states current once the transaction that wrote them to the changelog has committed.
	 * @param checkpoints those of the states that were checkpointed, with their sketches
	 */
	void commit(Collection<PartitionState> states, Collection<PartitionState> checkpoints, long nowNanos) {
		for (PartitionState partitionState : states) {
			Partition partition = this.partitions.get(partitionState.partition());
			// A partition revoked while its transaction committed is no longer ours: do not bring it back.
			if (partition != null) {
				partition.committed = partitionState;
				partition.unsure = false;
			}
		}
		for (PartitionState checkpoint : checkpoints) {
			Partition partition = this.partitions.get(checkpoint.partition());
			if (partition != null) {
				partition.checkpoint = checkpoint;
				partition.checkpointedAtNanos = nowNanos;
			}
		}
	}

	private static final class Partition {

		volatile PartitionState committed;

		volatile PartitionSketches sketches;

		volatile @Nullable PartitionState checkpoint;

		volatile long checkpointedAtNanos;

		volatile boolean unsure;

		Partition(PartitionState committed, PartitionSketches sketches, @Nullable PartitionState checkpoint) {
			this.committed = committed;
			this.sketches = sketches;
			this.checkpoint = checkpoint;
			this.checkpointedAtNanos = System.nanoTime();
		}

	}

}
