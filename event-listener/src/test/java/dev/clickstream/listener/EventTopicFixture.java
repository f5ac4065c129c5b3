package dev.clickstream.listener;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import dev.clickstream.kafka.ClickstreamTopics;
import dev.clickstream.kafka.ReadCommittedConsumers;
import dev.clickstream.model.ClickEvent;
import dev.clickstream.model.CountsSnapshot;
import dev.clickstream.model.EventNames;

import static org.awaitility.Awaitility.await;

/**
 * Writes click events as an independent producer would (plain strings, no Spring serializer) and reads back every
 * committed snapshot.
 */
final class EventTopicFixture {

	static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

	static final String TRACE_ID = "trace-id";

	static final List<String> NAMES = EventNames.SEED;

	private final String bootstrapServers;

	private final ReadCommittedConsumers consumers;

	private final JsonMapper jsonMapper = JsonMapper.builder().build();

	EventTopicFixture(String bootstrapServers, ReadCommittedConsumers consumers) {
		this.bootstrapServers = bootstrapServers;
		this.consumers = consumers;
	}

	/** Sends events with an uneven mix of names, and returns how many of each name it sent. */
	Map<String, Long> sendEvents(int count) {
		awaitEventTopicLeaders();
		Map<String, Long> sent = new TreeMap<>();
		Map<String, Object> config = new HashMap<>();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers);
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		try (Producer<String, String> producer = new KafkaProducer<>(config)) {
			for (int i = 0; i < count; i++) {
				String eventName = NAMES.get((i * 7 + i / 3) % NAMES.size());
				String userId = "user" + (i % 97);
				ClickEvent event = new ClickEvent(Instant.parse("2026-11-28T10:00:00Z"), "product" + i, eventName,
						userId);
				producer.send(new ProducerRecord<>(ClickstreamTopics.DEFAULT_EVENTS, userId, this.jsonMapper.writeValueAsString(event)));
				sent.merge(eventName, 1L, Long::sum);
			}
		}
		return sent;
	}

	/**
	 * Sends records as they are, byte for byte, to the given partition of the event topic, in order: the i-th has the
	 * key {@code raw-<i>} and a header {@code trace-id: t-<i>}.
	 */
	void sendRaw(int partition, List<byte @Nullable []> values) {
		awaitEventTopicLeaders();
		Map<String, Object> config = new HashMap<>();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers);
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		try (Producer<String, byte[]> producer = new KafkaProducer<>(config)) {
			for (int i = 0; i < values.size(); i++) {
				ProducerRecord<String, byte[]> record = new ProducerRecord<>(ClickstreamTopics.DEFAULT_EVENTS,
						partition, "raw-" + i, values.get(i));
				record.headers().add(TRACE_ID, ("t-" + i).getBytes(StandardCharsets.UTF_8));
				producer.send(record);
			}
		}
	}

	/**
	 * Waits until the listener has created the event topic and every partition's leader serves it. An idempotent
	 * producer that wrote while a new partition's leadership was still settling was seen stuck for good on
	 * OUT_OF_ORDER_SEQUENCE_NUMBER retries against the broker image; a leader in the metadata is not enough (the
	 * first produce request still got NOT_LEADER_OR_FOLLOWER), so each leader must also answer for its log's end,
	 * which only the serving leader does.
	 */
	private void awaitEventTopicLeaders() {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers))) {
			await("every partition of " + ClickstreamTopics.DEFAULT_EVENTS + " served by its leader").atMost(READ_TIMEOUT)
				.ignoreExceptions()
				.until(() -> {
					List<TopicPartitionInfo> partitions = admin.describeTopics(List.of(ClickstreamTopics.DEFAULT_EVENTS))
						.allTopicNames()
						.get()
						.get(ClickstreamTopics.DEFAULT_EVENTS)
						.partitions();
					if (!partitions.stream().allMatch(partition -> partition.leader() != null && !partition.leader().isEmpty())) {
						return false;
					}
					Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
					partitions.forEach(partition -> ends.put(
							new TopicPartition(ClickstreamTopics.DEFAULT_EVENTS, partition.partition()), OffsetSpec.latest()));
					admin.listOffsets(ends).all().get();
					return true;
				});
		}
	}

	/** Every committed record of a topic, oldest first, per partition in partition order. */
	List<ConsumerRecord<String, byte[]>> records(String topic) {
		try (Consumer<String, byte[]> consumer = this.consumers.create("test-reader", new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic, READ_TIMEOUT)
				.stream()
				.map(info -> new TopicPartition(topic, info.partition()))
				.toList();
			return readToEnd(consumer, partitions);
		}
	}

	/** Every committed snapshot, oldest first. */
	List<CountsSnapshot> snapshots() {
		try (Consumer<String, byte[]> consumer = this.consumers.create("test-reader", new ByteArrayDeserializer())) {
			return readToEnd(consumer, List.of(new TopicPartition(ClickstreamTopics.DEFAULT_UNIQUE_EVENTS, 0)))
				.stream()
				.map(record -> this.jsonMapper.readValue(record.value(), CountsSnapshot.class))
				.toList();
		}
	}

	/** Reads the partitions from their start to the end they have now, or fails after {@link #READ_TIMEOUT}. */
	private static List<ConsumerRecord<String, byte[]>> readToEnd(Consumer<String, byte[]> consumer,
			List<TopicPartition> partitions) {
		long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
		consumer.assign(partitions);
		consumer.seekToBeginning(partitions);
		Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, READ_TIMEOUT);
		List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
		while (partitions.stream().anyMatch(partition -> consumer.position(partition, READ_TIMEOUT) < ends.get(partition))) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("could not read " + partitions + " up to " + ends + " within "
						+ READ_TIMEOUT);
			}
			consumer.poll(Duration.ofMillis(200)).forEach(records::add);
		}
		return records;
	}

	/** The newest snapshot's counts, without the names it shows at zero. */
	Map<String, Long> newestCounts() {
		List<CountsSnapshot> snapshots = snapshots();
		if (snapshots.isEmpty()) {
			return Map.of();
		}
		Map<String, Long> counts = new TreeMap<>(snapshots.get(snapshots.size() - 1).counts());
		counts.values().removeIf(count -> count == 0);
		return counts;
	}

}
