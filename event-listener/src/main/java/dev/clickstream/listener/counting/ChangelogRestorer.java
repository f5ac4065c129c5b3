package dev.clickstream.listener.counting;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

}
