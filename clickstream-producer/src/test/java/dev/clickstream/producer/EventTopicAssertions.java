package dev.clickstream.producer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import dev.clickstream.model.EventNames;
import dev.clickstream.model.MetricNames;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a run with a limit must leave behind, whichever broker it ran against: exactly the limit's number of records,
 * each the seed's plain JSON keyed by its user, and counters that agree with what is on the topic.
 */
final class EventTopicAssertions {

	static final List<String> DEFAULT_NAMES = EventNames.SEED;

	private static final JsonMapper json = JsonMapper.builder().build();

	private EventTopicAssertions() {
	}

	/** @return the records on the topic counted per event name */
	static Map<String, Long> assertTopicHoldsExactlyTheLimit(String bootstrapServers, String topic, int limit,
			MeterRegistry registry) {
		// Every event acknowledged first: then the topic can hold no more than the records read below.
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(producedByName(registry).values().stream().mapToLong(Long::longValue).sum())
				.isEqualTo(limit));
		assertThat(registry.find(MetricNames.EVENTS_FAILED).counters()).isEmpty();

		List<ConsumerRecord<String, String>> records = readAll(bootstrapServers, topic, limit);

		assertThat(records).hasSize(limit).allSatisfy(EventTopicAssertions::assertSeedRecord);
		// Every configured name has its counter from the start, at 0 if it was never picked.
		Map<String, Long> readByName = new HashMap<>();
		DEFAULT_NAMES.forEach(name -> readByName.put(name, 0L));
		records.forEach(record -> readByName.merge(json.readTree(record.value()).get("eventName").asString(), 1L,
				Long::sum));
		assertThat(producedByName(registry)).isEqualTo(readByName);
		return readByName;
	}

	private static void assertSeedRecord(ConsumerRecord<String, String> record) {
		JsonNode event = json.readTree(record.value());
		assertThat(event.propertyNames()).containsExactly("date", "productId", "eventName", "userId");
		assertThat(event.get("date").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dUTC");
		assertThat(event.get("productId").asString()).matches("[a-z0-9]{15}");
		assertThat(event.get("eventName").asString()).isIn(DEFAULT_NAMES);
		assertThat(event.get("userId").asString()).matches("[a-z0-9]{8}");
		assertThat(record.key()).isEqualTo(event.get("userId").asString());
		// Plain JSON as the Python producer wrote it: no __TypeId__ or other headers for consumers to know about.
		assertThat(record.headers().toArray()).isEmpty();
	}

	private static Map<String, Long> producedByName(MeterRegistry registry) {
		return registry.find(MetricNames.EVENTS_PRODUCED)
			.counters()
			.stream()
			.collect(Collectors.toMap(counter -> counter.getId().getTag(MetricNames.EVENT_NAME),
					counter -> (long) counter.count()));
	}

	/** Reads the topic from the beginning until it has the expected count, then checks the end offsets agree. */
	private static List<ConsumerRecord<String, String>> readAll(String bootstrapServers, String topic, int expected) {
		Properties config = new Properties();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		// The default of 500 a poll, one poll per check, takes 20 s over 100,000 records.
		config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic)
				.stream()
				.map(info -> new TopicPartition(topic, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			List<ConsumerRecord<String, String>> records = new ArrayList<>();
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
				assertThat(records).hasSizeGreaterThanOrEqualTo(expected);
			});
			long onTopic = consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
			assertThat(onTopic).as("records on the topic").isEqualTo(expected);
			return records;
		}
	}

}
