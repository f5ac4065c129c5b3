package dev.clickstream.dashboard.topics;

import java.util.List;
import java.util.Map;

/**
 * What the brokers said at one time about the pipeline's topics and consumer groups, in plain types: the input of
 * {@link TopicRates}.
 *
 * @param time when the end offsets were read, in milliseconds since the epoch
 * @param topics the pipeline's topics that exist, in the pipeline's order
 * @param groups each watched group on each of its topics that exist
 */
record PipelineSample(long time, List<TopicSample> topics, List<GroupSample> groups) {

	/**
	 * @param name the topic
	 * @param partitions how many partitions it has
	 * @param endOffsets each partition's end offset (its high watermark), by partition
	 * @param sizes each partition's log size in bytes (its largest replica's), by partition; a partition whose broker
	 * did not say is missing
	 */
	record TopicSample(String name, int partitions, Map<Integer, Long> endOffsets, Map<Integer, Long> sizes) {
	}

	/**
	 * @param groupId the consumer group
	 * @param topic a topic it reads
	 * @param committed its committed offset of each partition of the topic it committed one for, by partition
	 */
	record GroupSample(String groupId, String topic, Map<Integer, Long> committed) {
	}

}
