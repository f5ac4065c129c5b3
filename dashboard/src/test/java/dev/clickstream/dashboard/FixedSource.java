package dev.clickstream.dashboard;

import java.util.List;
import java.util.Optional;

import dev.clickstream.model.CountsSnapshot;
import dev.clickstream.model.EventNames;

/** A pipeline whose newest totals never change: the dashboard's figures can then be checked against them. */
record FixedSource(CountsSnapshot snapshot) implements DashboardSource {

	static final String COUNTING_GROUP = "event-listener";

	@Override
	public Optional<CountsSnapshot> latestSnapshot() {
		return Optional.of(this.snapshot);
	}

	@Override
	public boolean snapshotsLoaded() {
		return true;
	}

	@Override
	public List<String> eventNames() {
		return EventNames.SEED;
	}

	@Override
	public String countingGroup() {
		return COUNTING_GROUP;
	}

	@Override
	public List<ConsumerGroup> consumerGroups() {
		return List.of(new ConsumerGroup(COUNTING_GROUP, List.of("event-topic")));
	}

}
