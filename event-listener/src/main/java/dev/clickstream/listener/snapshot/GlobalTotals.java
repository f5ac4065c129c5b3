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
 * The totals over all partitions of the event topic, from the newest committed counts of each. Each partition's counts
 * only grow, so the totals only grow. Used by one thread.
 */
class GlobalTotals {

	private final List<String> eventNames;

	private final SketchMerges sketchMerges;

	private final Map<Integer, PartitionState> latest = new HashMap<>();

	private long version;

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
		PartitionState current = this.latest.get(state.partition());
		if (current != null && current.nextOffset() >= state.nextOffset()) {
			return false;
		}
		this.latest.put(state.partition(), state);
		this.version++;
		return true;
	}

	void clear() {
		this.latest.clear();
		this.version++;
	}

	/** Grows with every change, so a caller can tell whether it has already published these totals. */
	long version() {
		return this.version;
	}

	/**
	 * The unique users and top products of all partitions' events; none if no partition has sketches, as when
	 * windows are off.
	 */
	Optional<AllTimeFigures> allTime(Instant receiveAt) {
		List<Sketches> sketches = new ArrayList<>();
		new TreeMap<>(this.latest).values().forEach(partition -> {
			if (partition.sketches() != null) {
				sketches.add(partition.sketches());
			}
		});
		if (sketches.isEmpty()) {
			return Optional.empty();
		}
		this.sketchMerges.merged(sketches.size());
		MergedSketches merged = MergedSketches.of(sketches);
		// A partition with counts but no sketches yet has only just been restored from a version without them.
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
