package dev.clickstream.listener.counting;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import dev.clickstream.listener.EventListenerProperties;
import dev.clickstream.listener.kafka.LastCommittedRecords;
import dev.clickstream.listener.kafka.ReadCommittedConsumers;

import org.springframework.stereotype.Component;

/**
 * Reads back the counts last committed for partitions of the event topic: the newest committed record of each
 * changelog partition.
 */
@Component
public class ChangelogRestorer {

	private static final Logger logger = LoggerFactory.getLogger(ChangelogRestorer.class);

	// Transaction markers reach partitions within milliseconds; a disagreement that outlasts this is not about markers.
	private static final Duration AGREEMENT_WAIT = Duration.ofSeconds(5);

	private final ReadCommittedConsumers consumers;

	private final JsonMapper jsonMapper;

	private final String changelogTopic;

	private final Duration timeout;

	ChangelogRestorer(ReadCommittedConsumers consumers, JsonMapper jsonMapper, CountingTopics topics,
			EventListenerProperties properties) {
		this.consumers = consumers;
		this.jsonMapper = jsonMapper;
		this.changelogTopic = topics.changelog().name();
		this.timeout = properties.counting().restoreTimeout();
	}

	/**
	 * The counts to resume counting from, for partitions whose consumer group offsets are at the given positions.
	 *
	 * <p>Counts and offsets commit in one transaction, so they agree once the transaction's markers reach both. A
	 * restore that runs right after another instance committed may find the changelog a step behind the offsets: it
	 * reads again until they agree. If they still disagree after a few seconds, the events between were
	 * deleted from the event topic by retention (the group offset was reset past them): counting resumes at the group
	 * offset. Where the changelog is ahead (the group's offsets expired), it wins.
	 */
	public List<PartitionCounts> restoreAt(Map<Integer, Long> positions) {
		long deadline = System.nanoTime() + AGREEMENT_WAIT.toNanos();
		Map<Integer, PartitionCounts> restored = new TreeMap<>();
		List<Integer> behind = new ArrayList<>(positions.keySet());
		while (!behind.isEmpty()) {
			for (Restored partition : restore(behind)) {
				restored.put(partition.counts().partition(), partition.counts());
			}
			behind.removeIf(partition -> Math.max(restored.get(partition).nextOffset(), 0) >= positions.get(partition));
			if (!behind.isEmpty() && System.nanoTime() > deadline) {
				for (int partition : behind) {
					PartitionCounts stale = restored.get(partition);
					logger.warn("The counts of partition {} end at offset {} but its group offset is {}: resuming at the "
							+ "group offset; the events between are no longer on the event topic", partition,
							stale.nextOffset(), positions.get(partition));
					restored.put(partition, new PartitionCounts(partition, positions.get(partition), stale.counts()));
				}
				break;
			}
			pause();
		}
		return List.copyOf(restored.values());
	}

	/**
	 * The committed counts of each partition (empty ones for partitions never counted), with the changelog offset
	 * they were read from.
	 */
	public List<Restored> restore(List<Integer> partitions) {
		if (partitions.isEmpty()) {
			return List.of();
		}
		List<TopicPartition> changelogPartitions = partitions.stream()
			.map(partition -> new TopicPartition(this.changelogTopic, partition))
			.toList();
		long started = System.nanoTime();
		Map<TopicPartition, ConsumerRecord<String, String>> last;
		try (Consumer<String, String> consumer = this.consumers.create("changelog-restore")) {
			last = LastCommittedRecords.find(consumer, changelogPartitions, this.timeout);
		}
		List<Restored> restored = new ArrayList<>();
		for (TopicPartition changelogPartition : changelogPartitions) {
			ConsumerRecord<String, String> record = last.get(changelogPartition);
			restored.add((record != null)
					? new Restored(this.jsonMapper.readValue(record.value(), PartitionCounts.class), record.offset())
					: new Restored(PartitionCounts.empty(changelogPartition.partition()), -1));
		}
		logger.info("Restored the counts of partitions {} in {} ms: {}", partitions,
				Duration.ofNanos(System.nanoTime() - started).toMillis(), restored);
		return restored;
	}

	/**
	 * @param counts the counts last committed for a partition
	 * @param changelogOffset where they are in the changelog; -1 if the partition has no counts there
	 */
	public record Restored(PartitionCounts counts, long changelogOffset) {
	}

	private static void pause() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while restoring counts", ex);
		}
	}

}
