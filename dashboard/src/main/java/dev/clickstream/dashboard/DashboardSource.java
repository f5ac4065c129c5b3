package dev.clickstream.dashboard;

import java.util.List;
import java.util.Optional;

import dev.clickstream.model.CountsSnapshot;

/**
 * What the dashboard shows that only the application it runs in knows: the newest totals, the event names counted,
 * and the consumer groups of the pipeline. The dashboard is configured only where the application provides one.
 */
public interface DashboardSource {

	/** The newest totals, or none while there are none yet. */
	Optional<CountsSnapshot> latestSnapshot();

	/** Whether the totals have been read up to the newest once: until then, no totals means not known yet. */
	boolean snapshotsLoaded();

	/** The event names counted, in the order shown; each has a total, zero until counted. */
	List<String> eventNames();

	/** The group that counts the event topic: its lag is the pipeline's. */
	String countingGroup();

	/** Every consumer group of the pipeline, the counting group among them, with the topics each reads. */
	List<ConsumerGroup> consumerGroups();

	/**
	 * @param groupId a consumer group
	 * @param topics the topics it reads
	 */
	record ConsumerGroup(String groupId, List<String> topics) {

		public ConsumerGroup {
			topics = List.copyOf(topics);
		}

	}

}
