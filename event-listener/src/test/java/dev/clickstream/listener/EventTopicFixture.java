package dev.clickstream.listener;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

import dev.clickstream.listener.kafka.ReadCommittedConsumers;
import dev.clickstream.model.ClickEvent;
import dev.clickstream.model.CountsSnapshot;

/**
 * Writes click events as an independent producer would (plain strings, no Spring serializer) and reads back every
 * committed snapshot.
 */
final class EventTopicFixture {

	static final List<String> NAMES = List.of("productview", "purchase", "addtobasket", "removefrombasket");

	private final String bootstrapServers;

	private final ReadCommittedConsumers consumers;

	private final JsonMapper jsonMapper = JsonMapper.builder().build();

	EventTopicFixture(String bootstrapServers, ReadCommittedConsumers consumers) {
		this.bootstrapServers = bootstrapServers;
		this.consumers = consumers;
	}

	/** Sends events with an uneven mix of names, and returns how many of each name it sent. */
	Map<String, Long> sendEvents(int count) {
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
				producer.send(new ProducerRecord<>("event-topic", userId, this.jsonMapper.writeValueAsString(event)));
				sent.merge(eventName, 1L, Long::sum);
			}
		}
		return sent;
	}

	/** Sends records as they are, byte for byte, to the given partition of the event topic. */
	void sendRaw(int partition, List<byte[]> values) {
		Map<String, Object> config = new HashMap<>();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers);
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		try (Producer<String, byte[]> producer = new KafkaProducer<>(config)) {
			for (byte[] value : values) {
				producer.send(new ProducerRecord<>("event-topic", partition, "raw", value));
			}
		}
	}

	/** Every committed record of a topic, oldest first, per partition in partition order. */
	List<ConsumerRecord<String, String>> records(String topic) {
		List<ConsumerRecord<String, String>> records = new ArrayList<>();
		try (Consumer<String, String> consumer = this.consumers.create("test-reader")) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic)
				.stream()
				.map(info -> new TopicPartition(topic, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
			}
		}
		return records;
	}

	/** Every committed snapshot, oldest first. */
	List<CountsSnapshot> snapshots() {
		TopicPartition partition = new TopicPartition("unique-event-topic", 0);
		List<CountsSnapshot> snapshots = new ArrayList<>();
		try (Consumer<String, String> consumer = this.consumers.create("test-reader")) {
			consumer.assign(List.of(partition));
			consumer.seekToBeginning(List.of(partition));
			long end = consumer.endOffsets(List.of(partition)).get(partition);
			while (consumer.position(partition) < end) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
					snapshots.add(this.jsonMapper.readValue(record.value(), CountsSnapshot.class));
				}
			}
		}
		return snapshots;
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
