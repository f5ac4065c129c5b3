package dev.clickstream.listener.counting;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import dev.clickstream.listener.changelog.PartitionState;
import dev.clickstream.listener.changelog.PartitionWindow;
import dev.clickstream.model.InvalidClickEventException.Reason;

/**
 * What counting one batch came to; nothing of it is current until the batch's transaction commits.
 *
 * @param states the new state of each partition in the batch, in partition order
 * @param changes what to write to the changelog, in order: the new state of each partition, or the state after each
 * record when every event is to be published
 * @param rejected the records not counted, to be dead-lettered, in batch order
 * @param countedByName events counted in this batch alone, by name
 * @param rejectedByReason records rejected in this batch, by reason tag
 * @param windowChanges what to write to the window changelog: each partition's counts of every window the batch added
 * to or closed
 * @param late the events counted in the totals but not in their window, which had closed, in batch order
 * @param checkpoints what to write to the checkpoints topic: the new state, with its sketches, of each partition
 * checkpointed
 */
record CountedBatch(List<PartitionState> states, List<Change> changes, List<Rejected> rejected,
		Map<String, Long> countedByName, Map<String, Long> rejectedByReason, List<PartitionWindow> windowChanges,
		List<Late> late, List<PartitionState> checkpoints) {

	/**
	 * @param state a partition's state to write to the changelog
	 * @param oldestEventTimestamp the record timestamp of the oldest event it newly counts; none if it counts none
	 */
	record Change(PartitionState state, OptionalLong oldestEventTimestamp) {
	}

	/**
	 * @param index the record's position in the batch
	 * @param reason why it is not a click event to count
	 * @param detail what exactly is wrong with it
	 */
	record Rejected(int index, Reason reason, String detail) {
	}

	/**
	 * @param index the record's position in the batch
	 * @param windowStart the start of the closed window the event belongs to, in epoch seconds
	 * @param latenessSeconds how long after that window's end the event came, by its partition's watermark
	 */
	record Late(int index, long windowStart, long latenessSeconds) {
	}

}
