package dev.clickstream.dashboard.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeLogDirsOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import dev.clickstream.dashboard.DashboardSource.ConsumerGroup;
import dev.clickstream.dashboard.topics.PipelineSample.GroupSample;
import dev.clickstream.dashboard.topics.PipelineSample.TopicSample;

/**
 * What the topic pages ask the brokers through the Admin client: how many partitions topics have, and samples of the
 * pipeline's end offsets, log sizes and committed offsets. Nothing here creates a topic (a consumer's metadata
 * request may, on a broker that auto-creates them). Every call ends within its timeout; every failure is a
 * {@link KafkaException}.
 */
final class AdminReads {

	private final Admin admin;

	private final List<String> pipelineTopics;

	private final List<ConsumerGroup> groups;

	AdminReads(Admin admin, List<String> pipelineTopics, List<ConsumerGroup> groups) {
		this.admin = admin;
		this.pipelineTopics = List.copyOf(new LinkedHashSet<>(pipelineTopics));
		this.groups = List.copyOf(groups);
	}

	/** How many partitions each of the topics has, of those that exist, in the order given. */
	Map<String, Integer> partitions(Collection<String> topics, Duration timeout) {
		return partitions(topics, deadline(timeout));
	}

	/** The end offsets and log sizes of the pipeline's topics that exist, and the watched groups' offsets on them. */
	PipelineSample sample(Duration timeout) {
		long deadline = deadline(timeout);
		Map<String, Integer> partitions = partitions(this.pipelineTopics, deadline);
		Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
		partitions.forEach((topic, count) -> {
			for (int partition = 0; partition < count; partition++) {
				latest.put(new TopicPartition(topic, partition), OffsetSpec.latest());
			}
		});
		Map<TopicPartition, ListOffsetsResultInfo> ends = latest.isEmpty() ? Map.of()
				: get(this.admin.listOffsets(latest, new ListOffsetsOptions().timeoutMs(millis(deadline))).all(),
						deadline);
		long time = System.currentTimeMillis();
		Map<TopicPartition, Long> sizes = sizes(deadline);
		Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = committed(deadline);

		List<TopicSample> topics = new ArrayList<>();
		partitions.forEach((topic, count) -> {
			Map<Integer, Long> endOffsets = new TreeMap<>();
			Map<Integer, Long> topicSizes = new TreeMap<>();
			ends.forEach((partition, info) -> {
				if (partition.topic().equals(topic)) {
					endOffsets.put(partition.partition(), info.offset());
				}
			});
			sizes.forEach((partition, size) -> {
				if (partition.topic().equals(topic)) {
					topicSizes.put(partition.partition(), size);
				}
			});
			topics.add(new TopicSample(topic, count, endOffsets, topicSizes));
		});
		List<GroupSample> groups = new ArrayList<>();
		for (ConsumerGroup group : this.groups) {
			for (String topic : group.topics()) {
				if (partitions.containsKey(topic)) {
					Map<Integer, Long> offsets = new TreeMap<>();
					committed.getOrDefault(group.groupId(), Map.of()).forEach((partition, offset) -> {
						// Asked for all its partitions, a group answers those it committed; guard anyway.
						if (offset != null && partition.topic().equals(topic)) {
							offsets.put(partition.partition(), offset.offset());
						}
					});
					groups.add(new GroupSample(group.groupId(), topic, offsets));
				}
			}
		}
		return new PipelineSample(time, topics, groups);
	}

	private Map<String, Integer> partitions(Collection<String> topics, long deadline) {
		Map<String, KafkaFuture<TopicDescription>> described = this.admin
			.describeTopics(topics, new DescribeTopicsOptions().timeoutMs(millis(deadline)))
			.topicNameValues();
		Map<String, Integer> partitions = new LinkedHashMap<>();
		for (String topic : topics) {
			try {
				partitions.put(topic, get(described.get(topic), deadline).partitions().size());
			}
			catch (UnknownTopicOrPartitionException ex) {
				// Not created yet (or windows are off): not part of the answer.
			}
		}
		return partitions;
	}

	/** Each partition's size on disk: its largest replica's, as replicas being moved or caught up may be smaller. */
	private Map<TopicPartition, Long> sizes(long deadline) {
		Set<Integer> brokers = new LinkedHashSet<>();
		for (Node node : get(this.admin.describeCluster(new DescribeClusterOptions().timeoutMs(millis(deadline))).nodes(),
				deadline)) {
			brokers.add(node.id());
		}
		Map<Integer, Map<String, LogDirDescription>> dirs = get(this.admin
			.describeLogDirs(brokers, new DescribeLogDirsOptions().timeoutMs(millis(deadline)))
			.allDescriptions(), deadline);
		Set<String> wanted = Set.copyOf(this.pipelineTopics);
		Map<TopicPartition, Long> sizes = new HashMap<>();
		dirs.values().forEach(brokerDirs -> brokerDirs.values().forEach(dir -> {
			// An offline log directory reports an error and no replicas.
			if (dir.error() == null) {
				dir.replicaInfos().forEach((partition, replica) -> {
					// A future replica is a copy being moved to another directory, next to the current one.
					if (wanted.contains(partition.topic()) && !replica.isFuture()) {
						sizes.merge(partition, replica.size(), Math::max);
					}
				});
			}
		}));
		return sizes;
	}

	private Map<String, Map<TopicPartition, OffsetAndMetadata>> committed(long deadline) {
		Map<String, ListConsumerGroupOffsetsSpec> specs = new LinkedHashMap<>();
		this.groups.forEach(group -> specs.put(group.groupId(), new ListConsumerGroupOffsetsSpec()));
		if (specs.isEmpty()) {
			return Map.of();
		}
		return get(this.admin
			.listConsumerGroupOffsets(specs, new ListConsumerGroupOffsetsOptions().timeoutMs(millis(deadline)))
			.all(), deadline);
	}

	private static long deadline(Duration timeout) {
		return System.nanoTime() + timeout.toNanos();
	}

	private static int millis(long deadline) {
		long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
		return (int) Math.max(1, Math.min(Integer.MAX_VALUE, left));
	}

	/** Waits for the answer until the deadline; every failure as a Kafka exception, the broker's own if it gave one. */
	private static <T> T get(KafkaFuture<T> future, long deadline) {
		try {
			return future.get(millis(deadline), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof KafkaException cause) {
				throw cause;
			}
			throw new KafkaException(ex.getCause());
		}
		catch (java.util.concurrent.TimeoutException ex) {
			throw new TimeoutException("no answer from Kafka in time", ex);
		}
		catch (InterruptedException ex) {
			throw new InterruptException(ex);
		}
	}

}
