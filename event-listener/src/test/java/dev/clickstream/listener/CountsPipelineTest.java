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
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.clickstream.listener.kafka.LastCommittedRecords;
import dev.clickstream.listener.kafka.ReadCommittedConsumers;
import dev.clickstream.model.ClickEvent;
import dev.clickstream.model.CountsSnapshot;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
				"clickstream.instance-id=test", "clickstream.snapshots.interval=200ms" })
@EmbeddedKafka(partitions = 3, brokerProperties = { "transaction.state.log.replication.factor=1",
		"transaction.state.log.min.isr=1", "offsets.topic.replication.factor=1" })
class CountsPipelineTest {

	static final List<String> NAMES = List.of("productview", "purchase", "addtobasket", "removefrombasket");

	@Autowired
	EmbeddedKafkaBroker broker;

	@Autowired
	ReadCommittedConsumers consumers;

	@Autowired
	JsonMapper jsonMapper;

	@LocalServerPort
	int port;

	@Test
	void snapshotCountsEqualExactlyTheEventsSentPerEventName() {
		Map<String, Long> sent = sendEvents(3_000);

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(newestSnapshot().counts()).isEqualTo(sent));
		CountsSnapshot viaHttp = RestClient.create("http://localhost:" + this.port)
			.get()
			.uri("/api/counts")
			.retrieve()
			.body(CountsSnapshot.class);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(RestClient.create("http://localhost:" + this.port)
			.get()
			.uri("/api/counts")
			.retrieve()
			.body(CountsSnapshot.class)
			.counts()).isEqualTo(sent));
		assertThat(viaHttp.counts().keySet()).containsExactlyElementsOf(NAMES);
	}

	Map<String, Long> sendEvents(int count) {
		Map<String, Long> sent = new TreeMap<>();
		Map<String, Object> config = new HashMap<>();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString());
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		try (Producer<String, String> producer = new KafkaProducer<>(config)) {
			for (int i = 0; i < count; i++) {
				String eventName = NAMES.get((i * 7 + i / 3) % NAMES.size());
				String userId = "user" + (i % 97);
				ClickEvent event = new ClickEvent(Instant.parse("2026-11-28T10:00:00Z"), "product" + i, eventName, userId);
				producer.send(new ProducerRecord<>("event-topic", userId, this.jsonMapper.writeValueAsString(event)));
				sent.merge(eventName, 1L, Long::sum);
			}
		}
		return sent;
	}

	CountsSnapshot newestSnapshot() {
		try (Consumer<String, String> consumer = this.consumers.create("test-reader")) {
			Map<TopicPartition, ConsumerRecord<String, String>> last = LastCommittedRecords.find(consumer,
					List.of(new TopicPartition("unique-event-topic", 0)), Duration.ofSeconds(10));
			assertThat(last).isNotEmpty();
			CountsSnapshot snapshot = this.jsonMapper.readValue(last.values().iterator().next().value(),
					CountsSnapshot.class);
			Map<String, Long> nonZero = new TreeMap<>(snapshot.counts());
			nonZero.values().removeIf(count -> count == 0);
			return new CountsSnapshot(nonZero, snapshot.receiveAt());
		}
	}

}
