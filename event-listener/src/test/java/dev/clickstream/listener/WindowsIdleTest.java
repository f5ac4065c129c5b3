package dev.clickstream.listener;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.clickstream.kafka.ClickstreamTopics;
import dev.clickstream.kafka.ReadCommittedConsumers;
import dev.clickstream.model.MetricNames;
import dev.clickstream.model.TopProducts;
import dev.clickstream.model.UniqueUsers;
import dev.clickstream.model.WindowResult;

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
 * Input that stops inside a window: no later event ever closes it by event time, and the idle timeout does, once the
 * changelog has been quiet, with one final result that holds every event and its users; the API shows them, in the
 * window, its day and since the start.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
		"clickstream.instance-id=test", "clickstream.snapshots.interval=200ms",
		"clickstream.windows.idle-timeout=3s" })
@EmbeddedKafka(partitions = 3, brokerProperties = { "transaction.state.log.replication.factor=1",
		"transaction.state.log.min.isr=1", "offsets.topic.replication.factor=1" })
class WindowsIdleTest {

	@Autowired
	EmbeddedKafkaBroker broker;

	@Autowired
	ReadCommittedConsumers consumers;

	@Autowired
	ClickstreamTopics topics;

	@Autowired
	MeterRegistry meters;

	@LocalServerPort
	int port;

	@Test
	void theIdleTimeoutClosesTheLastWindowWithOneFinalResultOfAllItsEvents() {
		EventTopicFixture fixture = new EventTopicFixture(this.broker.getBrokersAsString(), this.consumers);
		Map<String, Long> sent = fixture.sendEvents(300);
		JsonMapper json = JsonMapper.builder().build();
		RestClient api = RestClient.create("http://localhost:" + this.port);
		// Asked while the window is still open: the day's users worked out now must not be what is answered later.
		await().atMost(Duration.ofSeconds(30))
			.ignoreExceptions()
			.until(() -> api.get().uri("/api/summary").retrieve().toBodilessEntity().getStatusCode().is2xxSuccessful()
					&& api.get().uri("/api/windows").retrieve().toBodilessEntity().getStatusCode().is2xxSuccessful());

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(finals(fixture, json)).hasSize(1));
		List<WindowResult> finals = finals(fixture, json);
		Map<String, Long> counted = new TreeMap<>();
		finals.get(0).counts().forEach((name, count) -> {
			if (count > 0) {
				counted.put(name, count);
			}
		});
		assertThat(counted).isEqualTo(sent);
		// The fixture's 300 events come from 97 users: few enough for the sketch to keep each, and count them exactly.
		assertThat(finals.get(0).uniqueUsers()).extracting(UniqueUsers::estimate).isEqualTo(97L);
		assertThat(finals.get(0).topProducts().viewed()).hasSize(TopProducts.SIZE);

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode window = json.readTree(api.get().uri("/api/windows").retrieve().body(String.class)).path(0);
			assertThat(window.path("final").asBoolean()).isTrue();
			assertThat(window.path("uniqueUsers").path("estimate").asLong()).isEqualTo(97);
		});
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode summary = json.readTree(api.get().uri("/api/summary").retrieve().body(String.class));
			assertThat(summary.path("allTime").path("uniqueUsers").path("estimate").asLong()).isEqualTo(97);
			assertThat(summary.path("allTime").path("complete").asBoolean()).isTrue();
			assertThat(summary.path("days").path(0).path("day").asString()).isEqualTo("2026-11-28");
			assertThat(summary.path("days").path(0).path("uniqueUsers").path("estimate").asLong()).isEqualTo(97);
		});
		assertThat(this.meters.get(MetricNames.SKETCHES_MERGED).counter().count()).isPositive();
	}

	private List<WindowResult> finals(EventTopicFixture fixture, JsonMapper json) {
		return fixture.records(this.topics.windowResults().name())
			.stream()
			.map(ConsumerRecord::value)
			.filter(value -> value != null)
			.map(value -> WindowResult.fromJson(json, value))
			.filter(WindowResult::isFinal)
			.toList();
	}

}
