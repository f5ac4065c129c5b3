package dev.clickstream.listener.counting;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The committed counts of the partitions this instance owns. A batch is counted into new values first; they replace
 * the committed ones only after the Kafka transaction that carries them commits, so an aborted batch leaves nothing
 * behind. Each partition is touched by one listener thread at a time; the map is concurrent because several listener
 * threads share it.
 */
class CountingState {

	private final Map<Integer, PartitionCounts> committed = new ConcurrentHashMap<>();

	/** Takes over a partition with the counts last committed for it. */
	void restore(PartitionCounts counts) {
		this.committed.put(counts.partition(), counts);
	}

	/** Forgets a partition another instance now counts. */
	void drop(int partition) {
		this.committed.remove(partition);
	}

	PartitionCounts committed(int partition) {
		PartitionCounts counts = this.committed.get(partition);
		if (counts == null) {
			throw new IllegalStateException("partition " + partition + " was never restored on this instance");
		}
		return counts;
	}

	/** Makes counts current once the transaction that wrote them to the changelog has committed. */
	void commit(Collection<PartitionCounts> counts) {
		for (PartitionCounts partitionCounts : counts) {
			// A partition revoked while its transaction committed is no longer ours: do not bring it back.
			this.committed.computeIfPresent(partitionCounts.partition(), (partition, previous) -> partitionCounts);
		}
	}

}
