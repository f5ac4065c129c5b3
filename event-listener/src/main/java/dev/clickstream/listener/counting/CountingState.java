package dev.clickstream.listener.counting;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.clickstream.listener.changelog.PartitionState;
import dev.clickstream.listener.changelog.WindowCounts;

/**
 * The committed state of the partitions this instance owns. A batch is counted into new values first; they replace
 * the committed ones only after the Kafka transaction that carries them commits, so an aborted batch leaves nothing
 * behind. Each partition is touched by one listener thread at a time; the map is concurrent because several listener
 * threads share it.
 */
class CountingState {

	private final Map<Integer, PartitionState> committed = new ConcurrentHashMap<>();

	/** Takes over a partition with the state last committed for it. */
	void restore(PartitionState state) {
		this.committed.put(state.partition(), state);
	}

	/** Forgets a partition another instance now counts. */
	void drop(int partition) {
		this.committed.remove(partition);
	}

	PartitionState committed(int partition) {
		PartitionState state = this.committed.get(partition);
		if (state == null) {
			throw new IllegalStateException("partition " + partition + " was never restored on this instance");
		}
		return state;
	}

	/** The bytes of the sketches of the open windows of the partitions held: what each transaction writes for them. */
	long openWindowSketchBytes() {
		long bytes = 0;
		for (PartitionState partition : this.committed.values()) {
			for (WindowCounts window : partition.windows()) {
				bytes += (window.sketches() != null) ? window.sketches().size() : 0;
			}
		}
		return bytes;
	}

	/** Makes states current once the transaction that wrote them to the changelog has committed. */
	void commit(Collection<PartitionState> states) {
		for (PartitionState partitionState : states) {
			// A partition revoked while its transaction committed is no longer ours: do not bring it back.
			this.committed.computeIfPresent(partitionState.partition(), (partition, previous) -> partitionState);
		}
	}

}
