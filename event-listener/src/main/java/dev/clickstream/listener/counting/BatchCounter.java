package dev.clickstream.listener.counting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.IntPredicate;

import org.jspecify.annotations.Nullable;

import dev.clickstream.listener.changelog.PartitionState;
import dev.clickstream.listener.changelog.PartitionWindow;
import dev.clickstream.listener.counting.CountedBatch.Change;
import dev.clickstream.listener.counting.CountedBatch.Late;
import dev.clickstream.listener.counting.CountedBatch.Rejected;
import dev.clickstream.model.CountedEvent;
import dev.clickstream.model.InvalidClickEventException;

/**
 * Counts a batch of records on top of the committed state of their partitions. Arithmetic only: the same batch on the
 * same state and sketches always comes to the same result, which is what makes counting a redelivered batch again
 * safe, once the sketches are back to those of the committed state.
 */
final class BatchCounter {

	private final EventAdmission admission;

	private final boolean changeAfterEachRecord;

	private final @Nullable EventTimeWindows windows;

	/**
	 * @param changeAfterEachRecord whether the changelog gets the state after each record, so that every event is
	 * published on its own, rather than once per partition and batch
	 * @param windows the event-time windows to count each event in too; null to count totals only
	 */
	BatchCounter(EventAdmission admission, boolean changeAfterEachRecord, @Nullable EventTimeWindows windows) {
		this.admission = admission;
		this.changeAfterEachRecord = changeAfterEachRecord;
		this.windows = windows;
	}

	/** Whether events are counted in windows, and so in sketches too. */
	boolean countsWindows() {
		return this.windows != null;
	}

	/** A checkpoint's open windows as the window changelog takes them, each with its sketches. */
	List<PartitionWindow> openWindows(PartitionState checkpoint) {
		EventTimeWindows windows = this.windows;
		Long watermark = checkpoint.watermark();
		if (windows == null || watermark == null) {
			return List.of();
		}
		return checkpoint.windows()
			.stream()
			.map(window -> new PartitionWindow(checkpoint.partition(), window.start(), windows.end(window.start()),
					window.counts(), false, watermark, window.sketches()))
			.toList();
	}

	/**
	 * @param committed the committed state and the sketches of each partition of the batch
	 * @param checkpointDue whether to checkpoint a partition of the batch
	 */
	CountedBatch count(EventBatch batch, CommittedPartitions committed, IntPredicate checkpointDue) {
		Map<Integer, PartitionBatch> partitions = new TreeMap<>();
		List<Change> changes = new ArrayList<>();
		List<Rejected> rejected = new ArrayList<>();
		List<Late> late = new ArrayList<>();
		Map<String, Long> rejectedByReason = new TreeMap<>();
		PartitionBatch current = null;
		for (int index = 0; index < batch.size(); index++) {
			int partition = batch.partition(index);
			// A poll returns each partition's records together: look up only where the partition changes.
			if (current == null || current.partition() != partition) {
				current = partitions.computeIfAbsent(partition, p -> new PartitionBatch(committed.committed(p),
						(this.windows != null) ? committed.sketches(p) : null, this.windows));
			}
			long offset = batch.offset(index);
			try {
				if (this.windows == null) {
					current.count(this.admission.admit(batch.value(index)), offset, batch.timestamp(index));
				}
				else {
					CountedEvent event = this.admission.admitCounted(batch.value(index));
					long lateness = current.count(event, offset, batch.timestamp(index));
					if (lateness >= 0) {
						late.add(new Late(index, this.windows.start(event.epochSecond()), lateness));
					}
				}
			}
			catch (InvalidClickEventException rejection) {
				current.skip(offset);
				rejected.add(new Rejected(index, rejection.reason(), rejection.getMessage()));
				rejectedByReason.merge(rejection.reason().tag(), 1L, Long::sum);
			}
			if (this.changeAfterEachRecord) {
				changes.add(new Change(current.state(), OptionalLong.of(batch.timestamp(index))));
			}
		}
		List<PartitionState> states = new ArrayList<>();
		Map<String, Long> countedByName = new TreeMap<>();
		List<PartitionWindow> windowChanges = new ArrayList<>();
		List<PartitionState> checkpoints = new ArrayList<>();
		for (PartitionBatch partition : partitions.values()) {
			PartitionBatch.Finished finished = partition.finish(checkpointDue.test(partition.partition()));
			windowChanges.addAll(finished.windowChanges());
			if (finished.checkpoint() != null) {
				checkpoints.add(finished.checkpoint());
			}
			PartitionState state = finished.state();
			states.add(state);
			if (!this.changeAfterEachRecord) {
				changes.add(new Change(state, partition.oldestTimestamp()));
			}
			partition.added().forEach((name, count) -> countedByName.merge(name, count, Long::sum));
		}
		return new CountedBatch(List.copyOf(states), List.copyOf(changes), List.copyOf(rejected), countedByName,
				rejectedByReason, List.copyOf(windowChanges), List.copyOf(late), List.copyOf(checkpoints));
	}

}
