package dev.clickstream.dashboard.topics;

import java.util.Map;

/**
 * The lag of a consumer group on a topic, from the brokers' end offsets and the group's committed offsets: known as
 * soon as the group has committed, before any consumer of this instance reports its own lag metric.
 */
public interface CommittedLag {

	/** @return each partition's lag, by partition; empty if the group has committed nothing on the topic yet */
	Map<Integer, Long> byPartition(String groupId, String topic);

}
