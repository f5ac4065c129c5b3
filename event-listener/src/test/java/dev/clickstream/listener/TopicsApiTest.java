package dev.clickstream.listener;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.clickstream.kafka.ClickstreamTopics;
import dev.clickstream.kafka.ReadCommittedConsumers;
import dev.clickstream.model.ClickEvent;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The topic browser and the topic rates on a running pipeline: records as a plain producer wrote them, dead letters
 * with their reason headers, the snapshot topic past its commit markers, and rates and lag from the broker's offsets.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
				"clickstream.instance-id=test", "clickstream.snapshots.interval=200ms",
				"clickstream.dashboard.producer-url=", "clickstream.dashboard.rates.interval=1s",
				"clickstream.dashboard.browser.max-records=10", "clickstream.dashboard.browser.max-value-chars=100",
				"logging.level.kafka=WARN",
				"logging.level.org.apache.kafka=WARN" })
@EmbeddedKafka(partitions = 3, brokerProperties = { "transaction.state.log.replication.factor=1",
		"transaction.state.log.min.isr=1", "offsets.topic.replication.factor=1" })
class TopicsApiTest {

	static final String DEAD_LETTERS = ClickstreamTopics.DEFAULT_EVENTS + ClickstreamTopics.DEAD_LETTER_SUFFIX;

	@Autowired
	EmbeddedKafkaBroker broker;

	@Autowired
	ReadCommittedConsumers consumers;

	@LocalServerPort
	int port;

	final JsonMapper json = JsonMapper.builder().build();

	RestClient api;

	Producer<String, String> producer;

	ScheduledExecutorService pace;

	@BeforeEach
	void setUp() {
		this.api = RestClient.create("http://localhost:" + this.port);
		Map<String, Object> config = new HashMap<>();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString());
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		this.producer = new KafkaProducer<>(config);
	}

	@AfterEach
	void tearDown() {
		if (this.pace != null) {
			this.pace.shutdownNow();
		}
		this.producer.close(Duration.ofSeconds(5));
	}

	@Test
	void ratesShowRecordsPerSecondInAndTheCountingGroupsLagFromTheBrokersOffsets() throws Exception {
		EventTopicFixture fixture = new EventTopicFixture(this.broker.getBrokersAsString(), this.consumers);
		fixture.sendEvents(30);
		AtomicInteger sent = new AtomicInteger();
		this.pace = Executors.newSingleThreadScheduledExecutor();
		this.pace.scheduleAtFixedRate(() -> {
			for (int i = 0; i < 10; i++) {
				int n = sent.incrementAndGet();
				this.producer.send(new ProducerRecord<>(ClickstreamTopics.DEFAULT_EVENTS, "user" + n % 31, event(n)));
			}
		}, 0, 100, TimeUnit.MILLISECONDS);

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			JsonNode rates = get("/api/topics/rates");
			assertThat(rates.path("stale").asBoolean()).isFalse();
			assertThat(rates.path("intervalSeconds").asDouble()).isEqualTo(1.0);
			JsonNode events = named(rates.path("topics"), "name", ClickstreamTopics.DEFAULT_EVENTS);
			assertThat(events.path("partitions").asInt()).isEqualTo(3);
			assertThat(events.path("recordsPerSecond").asDouble()).isPositive();
			assertThat(events.path("bytesPerSecond").asDouble()).isPositive();
			JsonNode point = events.path("history").path(0);
			assertThat(point.isArray()).as("a history point is [time, records/s, bytes/s]").isTrue();
			assertThat(point.size()).isEqualTo(3);
			JsonNode counting = counting(rates);
			assertThat(counting.path("recordsPerSecond").asDouble()).isPositive();
		});
		this.pace.shutdownNow();
		assertThat(this.pace.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
		this.producer.flush();
		long written = 30 + sent.get();

		// Once counting has caught up, every record on the topic is behind the group's committed offsets.
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			JsonNode rates = get("/api/topics/rates");
			JsonNode events = named(rates.path("topics"), "name", ClickstreamTopics.DEFAULT_EVENTS);
			assertThat(events.path("records").asLong()).isGreaterThanOrEqualTo(written);
			JsonNode counting = counting(rates);
			assertThat(counting.path("lag").isNumber()).isTrue();
			assertThat(counting.path("lag").asLong()).isZero();
			assertThat(counting.path("lagByPartition")).hasSize(3);
			long committed = 0;
			for (JsonNode partition : counting.path("lagByPartition")) {
				committed += partition.path("committedOffset").asLong();
			}
			assertThat(committed).isEqualTo(events.path("records").asLong());
		});
		JsonNode rates = get("/api/topics/rates");
		assertThat(rates.path("topics").findValuesAsString("name")).contains(ClickstreamTopics.DEFAULT_CHANGELOG,
				ClickstreamTopics.DEFAULT_UNIQUE_EVENTS, DEAD_LETTERS, ClickstreamTopics.DEFAULT_CHECKPOINTS);
		assertThat(named(rates.path("groups"), "topic", ClickstreamTopics.DEFAULT_CHANGELOG).path("groupId").asString())
			.isEqualTo("event-listener-snapshots");
	}

	@Test
	void theBrowserShowsTheNewestRecordsWithTheirHeadersAndOneRecordWhole() throws Exception {
		EventTopicFixture fixture = new EventTopicFixture(this.broker.getBrokersAsString(), this.consumers);
		// More snapshots than a read takes (max-records), each followed by its commit marker.
		for (int i = 0; i < 12; i++) {
			int before = fixture.snapshots().size();
			fixture.sendEvents(10);
			await().atMost(Duration.ofSeconds(30)).until(() -> fixture.snapshots().size() > before);
		}
		awaitLeaders(DEAD_LETTERS);
		String poison = "not json: " + "x".repeat(3_000);
		ProducerRecord<String, String> deadLetter = new ProducerRecord<>(DEAD_LETTERS, 1, "poison-1", poison);
		deadLetter.headers().add("dlt.reason", utf8("not-json"));
		deadLetter.headers().add("dlt.detail", utf8("Unexpected character ('o' (code 111))"));
		deadLetter.headers().add("dlt.original.topic", utf8(ClickstreamTopics.DEFAULT_EVENTS));
		deadLetter.headers().add("dlt.original.partition", utf8("1"));
		deadLetter.headers().add("dlt.original.offset", utf8("42"));
		RecordMetadata written = this.producer.send(deadLetter).get(30, TimeUnit.SECONDS);
		ProducerRecord<String, String> newest = new ProducerRecord<>(ClickstreamTopics.DEFAULT_EVENTS, 2, "browse-me",
				event(0));
		newest.headers().add("trace-id", utf8("t-browse"));
		RecordMetadata newestWritten = this.producer.send(newest).get(30, TimeUnit.SECONDS);

		JsonNode topics = get("/api/topics");
		assertThat(topics).hasSize(5);
		assertThat(named(topics, "name", ClickstreamTopics.DEFAULT_EVENTS).path("role").asString()).isEqualTo("events");
		assertThat(named(topics, "name", ClickstreamTopics.DEFAULT_EVENTS).path("partitions").asInt()).isEqualTo(3);
		assertThat(named(topics, "name", DEAD_LETTERS).path("role").asString()).isEqualTo("dead-letters");
		assertThat(named(topics, "name", ClickstreamTopics.DEFAULT_UNIQUE_EVENTS).path("role").asString())
			.isEqualTo("snapshots");
		assertThat(named(topics, "name", ClickstreamTopics.DEFAULT_WINDOW_RESULTS).path("partitions").asInt())
			.isEqualTo(1);

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode records = get("/api/topics/" + ClickstreamTopics.DEFAULT_EVENTS + "/records?limit=5").path("records");
			assertThat(records).hasSize(5);
			JsonNode first = records.path(0);
			assertThat(first.path("key").asString()).isEqualTo("browse-me");
			assertThat(first.path("partition").asInt()).isEqualTo(2);
			assertThat(first.path("offset").asLong()).isEqualTo(newestWritten.offset());
			assertThat(first.path("headers").path("trace-id").asString()).isEqualTo("t-browse");
			assertThat(first.path("value").asString()).contains("\"eventName\"");
			List<Instant> timestamps = new ArrayList<>();
			records.forEach(record -> timestamps.add(Instant.parse(record.path("timestamp").asString())));
			assertThat(timestamps).isSortedAccordingTo((left, right) -> right.compareTo(left));
		});
		// With no limit: 20, or max-records if that is less.
		assertThat(get("/api/topics/" + ClickstreamTopics.DEFAULT_EVENTS + "/records").path("records")).hasSize(10);

		JsonNode dead = get("/api/topics/" + DEAD_LETTERS + "/records").path("records");
		assertThat(dead).hasSize(1);
		JsonNode listed = dead.path(0);
		assertThat(listed.path("topic").asString()).isEqualTo(DEAD_LETTERS);
		assertThat(listed.path("partition").asInt()).isEqualTo(1);
		assertThat(listed.path("offset").asLong()).isEqualTo(written.offset());
		assertThat(listed.path("key").asString()).isEqualTo("poison-1");
		assertThat(listed.path("value").asString()).isEqualTo(poison.substring(0, 100));
		assertThat(listed.path("truncated").asBoolean()).isTrue();
		assertThat(listed.path("valueBytes").asInt()).isEqualTo(poison.length());
		assertThat(listed.path("headers").path("dlt.reason").asString()).isEqualTo("not-json");
		assertThat(listed.path("headers").path("dlt.detail").asString()).startsWith("Unexpected character");
		assertThat(listed.path("headers").path("dlt.original.offset").asString()).isEqualTo("42");

		JsonNode whole = get("/api/topics/" + DEAD_LETTERS + "/records/1/" + written.offset());
		assertThat(whole.path("value").asString()).isEqualTo(poison);
		assertThat(whole.path("truncated").asBoolean()).isFalse();
		assertThat(whole.path("headers").path("dlt.reason").asString()).isEqualTo("not-json");

		assertProblem("/api/topics/" + DEAD_LETTERS + "/records/1/" + (written.offset() + 1), 404);
		assertProblem("/api/topics/" + DEAD_LETTERS + "/records/7/0", 404);
		assertProblem("/api/topics/" + ClickstreamTopics.DEFAULT_CHANGELOG + "/records", 404);
		assertProblem("/api/topics/no-such-topic/records/0/0", 404);
		assertProblem("/api/topics/" + DEAD_LETTERS + "/records?limit=0", 400);
		assertProblem("/api/topics/" + DEAD_LETTERS + "/records?limit=11", 400);
		assertProblem("/api/topics/" + DEAD_LETTERS + "/records?limit=ten", 400);

		// A commit marker follows every snapshot: the newest ten are spread over twenty offsets and more.
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			List<ConsumerRecord<String, byte[]>> snapshots = fixture.records(ClickstreamTopics.DEFAULT_UNIQUE_EVENTS);
			assertThat(snapshots).hasSizeGreaterThanOrEqualTo(10);
			List<Long> newestOffsets = new ArrayList<>();
			for (int i = snapshots.size() - 1; i >= snapshots.size() - 10; i--) {
				newestOffsets.add(snapshots.get(i).offset());
			}
			JsonNode records = get("/api/topics/" + ClickstreamTopics.DEFAULT_UNIQUE_EVENTS + "/records?limit=10")
				.path("records");
			List<Long> offsets = new ArrayList<>();
			records.forEach(record -> offsets.add(record.path("offset").asLong()));
			assertThat(offsets).isEqualTo(newestOffsets);
			assertThat(records.path(0).path("value").asString()).contains("\"receiveAt\"");
		});
	}

	private JsonNode get(String path) {
		return this.json.readTree(this.api.get().uri(path).retrieve().body(String.class));
	}

	private void assertProblem(String path, int status) {
		this.api.get().uri(path).exchange((request, response) -> {
			assertThat(response.getStatusCode().value()).as(path).isEqualTo(status);
			assertThat(response.getHeaders().getContentType()).as(path)
				.isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(this.json.readTree(response.getBody()).path("detail").asString()).as(path).isNotBlank();
			return null;
		});
	}

	private static JsonNode counting(JsonNode rates) {
		for (JsonNode group : rates.path("groups")) {
			if (group.path("groupId").asString().equals("event-listener")
					&& group.path("topic").asString().equals(ClickstreamTopics.DEFAULT_EVENTS)) {
				return group;
			}
		}
		throw new AssertionError("no counting group in " + rates.path("groups"));
	}

	private static JsonNode named(JsonNode list, String field, String value) {
		for (JsonNode element : list) {
			if (element.path(field).asString().equals(value)) {
				return element;
			}
		}
		throw new AssertionError("no " + field + " " + value + " in " + list);
	}

	private String event(int n) {
		return this.json.writeValueAsString(
				new ClickEvent(Instant.parse("2026-11-28T10:00:00Z"), "product" + n, "productview", "user" + n % 31));
	}

	private void awaitLeaders(String topic) {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
				this.broker.getBrokersAsString()))) {
			await("every partition of " + topic + " has a leader").atMost(Duration.ofSeconds(30))
				.ignoreExceptions()
				.until(() -> admin.describeTopics(List.of(topic))
					.allTopicNames()
					.get()
					.get(topic)
					.partitions()
					.stream()
					.allMatch(partition -> partition.leader() != null && !partition.leader().isEmpty()));
		}
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
