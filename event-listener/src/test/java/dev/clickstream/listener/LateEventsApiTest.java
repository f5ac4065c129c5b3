package dev.clickstream.listener;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.clickstream.kafka.ClickstreamTopics;
import dev.clickstream.kafka.ReadCommittedConsumers;
import dev.clickstream.kafka.SideTopicHeaders;
import dev.clickstream.model.ClickEvent;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Events that come after their window closed, on a running pipeline: the dashboard's late events per window are
 * exactly the late-events topic's records per window header, and every event, late or not, is in the totals.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
				"clickstream.instance-id=test", "clickstream.snapshots.interval=200ms",
				"clickstream.windows.size=1m", "clickstream.windows.grace=30s",
				"clickstream.dashboard.producer-url=", "logging.level.kafka=WARN",
				"logging.level.org.apache.kafka=WARN" })
@EmbeddedKafka(partitions = 3, brokerProperties = { "transaction.state.log.replication.factor=1",
		"transaction.state.log.min.isr=1", "offsets.topic.replication.factor=1" })
class LateEventsApiTest {

	static final String DAY = "2026-11-28T";

	@Autowired
	EmbeddedKafkaBroker broker;

	@Autowired
	ReadCommittedConsumers consumers;

	@Autowired
	ClickstreamTopics topics;

	@LocalServerPort
	int port;

	final JsonMapper json = JsonMapper.builder().build();

	final Map<String, Long> sent = new TreeMap<>();

	int eventNumber;

	@Test
	void theLateEventsPerWindowAreTheLateTopicsRecordsPerWindowAndNoEventIsLost() throws Exception {
		EventTopicFixture fixture = new EventTopicFixture(this.broker.getBrokersAsString(), this.consumers);
		Instant started = Instant.now();
		// A window closes on a partition once the partition's newest event time passes its end by the grace of 30 s.
		List<byte @Nullable []> first = new ArrayList<>();
		first.add(event("10:05:00"));
		first.addAll(events("10:00:10", 5)); // window 10:00 closed at 10:01:30: late
		first.addAll(events("10:02:20", 3)); // window 10:02 closed at 10:03:30: late
		first.addAll(events("10:04:50", 2)); // window 10:04 still open until 10:05:30: counted in it
		fixture.sendRaw(0, first);
		List<byte @Nullable []> second = new ArrayList<>();
		second.add(event("10:10:00"));
		second.addAll(events("10:02:40", 4)); // late, on this partition too
		second.addAll(events("10:08:00", 2)); // window 10:08 closed at 10:09:30: late
		second.addAll(events("10:09:59", 1)); // window 10:09 open
		fixture.sendRaw(1, second);
		Map<String, Long> expected = Map.of(DAY + "10:00:00UTC", 5L, DAY + "10:02:00UTC", 7L, DAY + "10:08:00UTC", 2L);

		String lateTopic = this.topics.lateEventsName();
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(perWindowHeader(fixture.records(lateTopic))).isEqualTo(expected));
		// Not the listener's: a record without the header, which the dashboard skips rather than guesses.
		writeWithoutHeader(lateTopic);

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			List<ConsumerRecord<String, byte[]>> records = fixture.records(lateTopic);
			Map<String, Long> onTheTopic = perWindowHeader(records);
			JsonNode late = get("/api/topics/late");
			Map<String, Long> shown = new TreeMap<>();
			late.path("windows").forEach(window -> shown.put(window.path("windowStart").asString(),
					window.path("lateEvents").asLong()));
			assertThat(shown).isEqualTo(onTheTopic).isEqualTo(expected);
			assertThat(late.path("total").asLong()).isEqualTo(14);
			assertThat(late.path("skipped").asLong()).isEqualTo(records.size() - 14).isEqualTo(1);
			assertThat(late.path("error").isNull()).isTrue();
		});
		JsonNode late = get("/api/topics/late");
		assertThat(late.path("windows").findValuesAsString("windowStart")).isSorted();
		assertThat(Instant.parse(late.path("from").asString())).isBefore(started.minus(Duration.ofMinutes(119)))
			.isAfter(started.minus(Duration.ofMinutes(121)));

		// Late events miss their window only: the totals hold every event sent.
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(fixture.newestCounts()).isEqualTo(this.sent));
	}

	private JsonNode get(String path) {
		return this.json.readTree(RestClient.create("http://localhost:" + this.port).get().uri(path).retrieve()
			.body(String.class));
	}

	private static Map<String, Long> perWindowHeader(List<ConsumerRecord<String, byte[]>> records) {
		Map<String, Long> perWindow = new TreeMap<>();
		for (ConsumerRecord<String, byte[]> record : records) {
			Header header = record.headers().lastHeader(SideTopicHeaders.LATE_WINDOW_START);
			if (header != null) {
				perWindow.merge(new String(header.value(), StandardCharsets.UTF_8), 1L, Long::sum);
			}
		}
		return perWindow;
	}

	private void writeWithoutHeader(String topic) throws Exception {
		Map<String, Object> config = new HashMap<>();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString());
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		try (Producer<String, byte[]> producer = new KafkaProducer<>(config)) {
			producer.send(new ProducerRecord<>(topic, 2, "no-header", click("10:00:00", -1, "productview")))
				.get(30, TimeUnit.SECONDS);
		}
	}

	private List<byte[]> events(String time, int count) {
		return IntStream.range(0, count).mapToObj(i -> event(time)).toList();
	}

	/** The next event for the event topic, at this time of the test's day, counted in {@link #sent}. */
	private byte[] event(String time) {
		int n = this.eventNumber++;
		String name = EventTopicFixture.NAMES.get(n % EventTopicFixture.NAMES.size());
		this.sent.merge(name, 1L, Long::sum);
		return click(time, n, name);
	}

	private byte[] click(String time, int n, String name) {
		return this.json.writeValueAsBytes(
				new ClickEvent(Instant.parse(DAY + time + "Z"), "product" + n, name, "user" + n % 7));
	}

}
