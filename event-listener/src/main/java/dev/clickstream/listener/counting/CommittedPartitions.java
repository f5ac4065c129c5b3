package dev.clickstream.listener.counting;

import dev.clickstream.listener.changelog.PartitionState;
import dev.clickstream.listener.sketches.PartitionSketches;

/** What a batch is counted on top of: each partition's committed state, and its sketches of the same events. */
interface CommittedPartitions {

	PartitionState committed(int partition);

	PartitionSketches sketches(int partition);

}
