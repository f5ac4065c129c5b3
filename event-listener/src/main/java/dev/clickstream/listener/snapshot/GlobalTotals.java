package dev.clickstream.listener.snapshot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.clickstream.listener.changelog.PartitionState;
import dev.clickstream.listener.changelog.Sketches;
import dev.clickstream.listener.sketches.MergedSketches;
import dev.clickstream.listener.sketches.SketchMerges;
import dev.clickstream.model.AllTimeFigures;
import dev.clickstream.model.CountsSnapshot;

/**
 * The totals over all partitions of the event topic, from the newest committed counts of each, and their unique users
 * and top products, from the newest checkpoint of each. Each partition's counts only grow, so the totals only grow.
 * Used by one thread.
 */
class GlobalTotals {

	private final List<String> eventNames;

	private final SketchMerges sketchMerges;

	private final Map<Integer, PartitionState> latest = new HashMap<>();

	private final Map<Integer, PartitionState> checkpoints = new HashMap<>();

	private long version;

	private long sketchesVersion;

	/**
	 * @param eventNames the names every snapshot shows, at zero until counted, in this order; other names follow in
	 * alphabetical order
	 */
	GlobalTotals(List<String> eventNames, SketchMerges sketchMerges) {
		this.eventNames = List.copyOf(eventNames);
		this.sketchMerges = sketchMerges;
	}

	/**
	 * Takes in a partition's newer counts; older or repeated ones change nothing.
	 * @return whether the totals changed
	 */
	boolean update(PartitionState state) {
		if (!putIfNewer(this.latest, state)) {
			return false;
		}
		this.version++;
		return true;
	}

	/**
	 * Takes in a partition's newer checkpoint, for its sketches; older or repeated ones change nothing.
	 * @return whether the sketches changed
	 */
	boolean updateSketches(PartitionState checkpoint) {
		if (!putIfNewer(this.checkpoints, checkpoint)) {
			return false;
		}
		this.sketchesVersion++;
		return true;
	}

	/** Keeps the state if it is further on than the partition's one held; a partition's states only move on. */
	private static boolean putIfNewer(Map<Integer, PartitionState> held, PartitionState state) {
		PartitionState current = held.get(state.partition());
		if (current != null && current.nextOffset() >= state.nextOffset()) {
			return false;
		}
		held.put(state.partition(), state);
		return true;
	}

	void clear() {
		this.latest.clear();
		this.checkpoints.clear();
		this.version++;
		this.sketchesVersion++;
	}

	/** Grows with every change, so a caller can tell whether it has already published these totals. */
	long version() {
		return this.version;
	}

	/** Grows with every change of the sketches, so a caller can tell whether it has already published their figures. */
	long sketchesVersion() {
		return this.sketchesVersion;
	}

	/**
	 * The unique users and top products of all partitions' events up to their newest checkpoints; none if no
	 * partition has sketches, as when windows are off.
	 */
	Optional<AllTimeFigures> allTime(Instant receiveAt) {
		List<Sketches> sketches = new ArrayList<>();
		new TreeMap<>(this.checkpoints).values().forEach(partition -> {
			if (partition.sketches() != null) {
				sketches.add(partition.sketches());
			}
		});
		if (sketches.isEmpty()) {
			return Optional.empty();
		}
		this.sketchMerges.merged(sketches.size());
		MergedSketches merged = MergedSketches.of(sketches);
		// A partition with counts but no checkpoint yet has only just been restored from a version without them.
		boolean complete = !merged.partial() && sketches.size() == this.latest.size();
		return Optional.of(new AllTimeFigures(merged.uniqueUsers(), merged.topProducts(), complete, receiveAt));
	}

	CountsSnapshot snapshot(Instant receiveAt) {
		Map<String, Long> others = new TreeMap<>();
		this.latest.values().forEach(partition -> partition.counts().forEach((name, count) -> others.merge(name, count, Long::sum)));
		Map<String, Long> totals = new LinkedHashMap<>();
		for (String eventName : this.eventNames) {
			totals.put(eventName, others.getOrDefault(eventName, 0L));
			others.remove(eventName);
		}
		totals.putAll(others);
		return new CountsSnapshot(totals, receiveAt);
	}

}
