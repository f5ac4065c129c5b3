package dev.clickstream.listener.dashboard;

import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerConfig;

import dev.clickstream.dashboard.DashboardSource;
import dev.clickstream.kafka.ClickstreamTopics;
import dev.clickstream.listener.EventListenerProperties;
import dev.clickstream.listener.snapshot.LatestSnapshot;
import dev.clickstream.model.CountsSnapshot;

import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * The listener's side of the dashboard: the snapshots every instance follows, the event names it counts, and its
 * three consumer groups, the counting one being the consumer factory's ({@code spring.kafka.consumer.group-id}).
 */
@Component
class ListenerDashboardSource implements DashboardSource {

	private final LatestSnapshot latestSnapshot;

	private final List<String> eventNames;

	private final String countingGroup;

	private final List<ConsumerGroup> consumerGroups;

	ListenerDashboardSource(LatestSnapshot latestSnapshot, EventListenerProperties properties,
			ClickstreamTopics topics, ConsumerFactory<?, ?> consumerFactory) {
		this.latestSnapshot = latestSnapshot;
		this.eventNames = List.copyOf(properties.counting().eventNames());
		Object group = consumerFactory.getConfigurationProperties().get(ConsumerConfig.GROUP_ID_CONFIG);
		if (group == null) {
			throw new IllegalStateException("spring.kafka.consumer.group-id is not set: the counting group has no id");
		}
		this.countingGroup = group.toString();
		this.consumerGroups = List.of(new ConsumerGroup(this.countingGroup, List.of(topics.events().name())),
				new ConsumerGroup(properties.snapshots().groupId(),
						List.of(topics.changelog().name(), topics.checkpoints().name())),
				new ConsumerGroup(properties.windows().groupId(), List.of(topics.windowChangelog().name())));
	}

	@Override
	public Optional<CountsSnapshot> latestSnapshot() {
		return this.latestSnapshot.current();
	}

	@Override
	public boolean snapshotsLoaded() {
		return this.latestSnapshot.isLoaded();
	}

	@Override
	public List<String> eventNames() {
		return this.eventNames;
	}

	@Override
	public String countingGroup() {
		return this.countingGroup;
	}

	@Override
	public List<ConsumerGroup> consumerGroups() {
		return this.consumerGroups;
	}

}
