package dev.clickstream.listener.changelog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.clickstream.kafka.ClickstreamTopics;
import dev.clickstream.kafka.KafkaRetries;
import dev.clickstream.kafka.ReadCommittedConsumers;
import dev.clickstream.listener.EventListenerProperties;
import dev.clickstream.listener.kafka.LastCommittedRecords;

import org.springframework.stereotype.Component;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Reads back the state last committed for partitions of the event topic: the newest committed record of each
 * changelog partition, a few records read per partition, never the event topic.
 */
@Component
public class ChangelogReader {

	private static final Logger logger = LoggerFactory.getLogger(ChangelogReader.class);

	// Transaction markers reach partitions within milliseconds; a disagreement that outlasts this is not about markers.
	private static final Duration AGREEMENT_WAIT = Duration.ofSeconds(5);

	private final ReadCommittedConsumers consumers;

	private final ChangelogFormat format;

	private final String topic;

	private final String checkpointsTopic;

	private final Duration timeout;

	ChangelogReader(ReadCommittedConsumers consumers, ChangelogFormat format, ClickstreamTopics topics,
			EventListenerProperties properties) {
		this.consumers = consumers;
		this.format = format;
		this.topic = topics.changelog().name();
		this.checkpointsTopic = topics.checkpoints().name();
		this.timeout = properties.counting().restoreTimeout();
	}

	/**
	 * The state to resume counting from, for partitions whose consumer group offsets are at the given positions.
	 *
	 * <p>State and offsets commit in one transaction, so they agree once the transaction's markers reach both. A
	 * restore that runs right after another instance committed may find the changelog a step behind the offsets: it
	 * reads again until they agree. If they still disagree after a few seconds, the events between were
	 * deleted from the event topic by retention (the group offset was reset past them): counting resumes at the group
	 * offset. Where the changelog is ahead (the group's offsets expired), it wins.
	 */
	public List<PartitionState> restoreAt(Map<Integer, Long> positions) {
		ExponentialBackOff backOff = KafkaRetries.backOff();
		backOff.setMaxElapsedTime(AGREEMENT_WAIT.toMillis());
		BackOffExecution retries = backOff.start();
		Map<Integer, PartitionState> restored = new TreeMap<>();
		List<Integer> behind = new ArrayList<>(positions.keySet());
		while (!behind.isEmpty()) {
			for (Committed committed : latest(behind)) {
				restored.put(committed.state().partition(), committed.state());
			}
			behind.removeIf(partition -> Math.max(restored.get(partition).nextOffset(), 0) >= positions.get(partition));
			if (!behind.isEmpty() && !KafkaRetries.pause(retries)) {
				for (int partition : behind) {
					PartitionState stale = restored.get(partition);
					logger.warn("The counts of partition {} end at offset {} but its group offset is {}: resuming at the "
							+ "group offset; the events between are no longer on the event topic", partition,
							stale.nextOffset(), positions.get(partition));
					restored.put(partition, stale.resumingAt(positions.get(partition)));
				}
				break;
			}
		}
		return List.copyOf(restored.values());
	}

	/**
	 * The newest committed state of each partition (an empty one for a partition never counted), with the changelog
	 * offset it was read from.
	 */
	public List<Committed> latest(Collection<Integer> partitions) {
		return latest(this.topic, partitions);
	}

	/**
	 * The newest committed checkpoint of each partition, with its offset in the checkpoints topic; an empty state at
	 * offset -1 for a partition without one.
	 */
	public List<Committed> latestCheckpoints(Collection<Integer> partitions) {
		return latest(this.checkpointsTopic, partitions);
	}

	private List<Committed> latest(String topic, Collection<Integer> partitions) {
		if (partitions.isEmpty()) {
			return List.of();
		}
		List<TopicPartition> changelogPartitions = partitions.stream()
			.map(partition -> new TopicPartition(topic, partition))
			.toList();
		long started = System.nanoTime();
		Map<TopicPartition, ConsumerRecord<String, byte[]>> last;
		try (Consumer<String, byte[]> consumer = this.consumers.create("changelog-reader",
				new ByteArrayDeserializer())) {
			last = LastCommittedRecords.find(consumer, changelogPartitions, this.timeout);
		}
		List<Committed> committed = new ArrayList<>();
		for (TopicPartition changelogPartition : changelogPartitions) {
			ConsumerRecord<String, byte[]> record = last.get(changelogPartition);
			committed.add((record != null) ? new Committed(this.format.read(record.value()), record.offset())
					: new Committed(PartitionState.empty(changelogPartition.partition()), -1));
		}
		logger.info("Read the newest records of {} partitions {} in {} ms: {}", topic, partitions,
				Duration.ofNanos(System.nanoTime() - started).toMillis(), committed);
		return committed;
	}

	/**
	 * @param state the state last committed for a partition
	 * @param changelogOffset where it is in the topic read; -1 if the partition has no state there
	 */
	public record Committed(PartitionState state, long changelogOffset) {
	}

}
