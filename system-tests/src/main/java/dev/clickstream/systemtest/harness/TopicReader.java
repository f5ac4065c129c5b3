package dev.clickstream.systemtest.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads topics as an observer independent of the services: a plain consumer with no group (nothing committed, no
 * rebalance), that sees committed records only, and never creates a topic by asking for it.
 */
public final class TopicReader {

	private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

	private TopicReader() {
	}

	/** Every committed record of every partition, partition by partition, in offset order. */
	public static List<ConsumerRecord<String, String>> readAll(String bootstrapServers, String topic) {
		return readAll(connection(bootstrapServers), topic);
	}

	/**
	 * As {@link #readAll(String, String)}, through a connection of its own, e.g. a secured broker's
	 * {@link KafkaBrokerProcess#clientConfig}.
	 */
	public static List<ConsumerRecord<String, String>> readAll(Map<String, Object> connection, String topic) {
		try (KafkaConsumer<String, String> consumer = consumer(connection)) {
			Set<TopicPartition> partitions = consumer.partitionsFor(topic)
				.stream()
				.map(info -> new TopicPartition(topic, info.partition()))
				.collect(Collectors.toSet());
			if (partitions.isEmpty()) {
				return List.of();
			}
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			List<ConsumerRecord<String, String>> records = readToEnd(consumer, consumer.endOffsets(partitions));
			records.sort((a, b) -> (a.partition() != b.partition()) ? Integer.compare(a.partition(), b.partition())
					: Long.compare(a.offset(), b.offset()));
			return records;
		}
	}

	/**
	 * The committed record with the highest offset in one partition, if any. A transaction ends with a commit marker,
	 * which takes an offset but is no record, so this looks back from the end in growing steps until it finds one.
	 */
	public static Optional<ConsumerRecord<String, String>> readLatest(String bootstrapServers, String topic,
			int partition) {
		return readLatest(connection(bootstrapServers), topic, partition);
	}

	/** As {@link #readLatest(String, String, int)}, through a connection of its own. */
	public static Optional<ConsumerRecord<String, String>> readLatest(Map<String, Object> connection, String topic,
			int partition) {
		TopicPartition topicPartition = new TopicPartition(topic, partition);
		try (KafkaConsumer<String, String> consumer = consumer(connection)) {
			if (consumer.partitionsFor(topic).stream().noneMatch(info -> info.partition() == partition)) {
				return Optional.empty();
			}
			consumer.assign(Set.of(topicPartition));
			Map<TopicPartition, Long> end = consumer.endOffsets(Set.of(topicPartition));
			long beginning = consumer.beginningOffsets(Set.of(topicPartition)).get(topicPartition);
			for (long back = 8;; back *= 8) {
				long from = Math.max(beginning, end.get(topicPartition) - back);
				consumer.seek(topicPartition, from);
				List<ConsumerRecord<String, String>> records = readToEnd(consumer, end);
				if (!records.isEmpty()) {
					return Optional.of(records.get(records.size() - 1));
				}
				if (from == beginning) {
					return Optional.empty();
				}
			}
		}
	}

	private static List<ConsumerRecord<String, String>> readToEnd(KafkaConsumer<String, String> consumer,
			Map<TopicPartition, Long> end) {
		List<ConsumerRecord<String, String>> records = new ArrayList<>();
		long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
		while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("could not read " + end + " within " + READ_TIMEOUT);
			}
			consumer.poll(Duration.ofMillis(200)).forEach(records::add);
		}
		return records;
	}

	private static Map<String, Object> connection(String bootstrapServers) {
		return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
	}

	private static KafkaConsumer<String, String> consumer(Map<String, Object> connection) {
		Map<String, Object> config = new HashMap<>(connection);
		// an observer sees what the services' readers see: records of committed transactions only
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		// no group: assign() and seek(), nothing committed that could disturb the services
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		// a topic that does not exist yet must stay that way, not be created with default settings
		config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
		config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
		config.put(ConsumerConfig.CLIENT_ID_CONFIG, "system-test-reader");
		return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
	}

}
