package dev.clickstream.producer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import dev.clickstream.kafka.ClickstreamTopics;
import dev.clickstream.model.ActuatorMetric;
import dev.clickstream.model.ClickEvent;
import dev.clickstream.model.MetricNames;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
				"clickstream.generator.limit=500", "clickstream.generator.rate=2000", "clickstream.generator.seed=2026", "logging.level.kafka=WARN",
				"logging.level.org.apache.kafka=WARN", "logging.level.state.change.logger=WARN" })
@EmbeddedKafka
// The context holds the broker: closing it after the class frees the two cores for the next.
@DirtiesContext
class ClickstreamProducerEmbeddedKafkaTest {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	ClickstreamTopics topics;

	@Autowired
	MeterRegistry registry;

	@Autowired
	KafkaTemplate<String, ClickEvent> template;

	@Value("${spring.embedded.kafka.brokers}")
	String bootstrapServers;

	@Value("${local.server.port}")
	int port;

	@Test
	void writesExactlyTheLimitAsSeedJsonKeyedByUserWithTheTotalsTheGeneratorAnnouncedBeforehand() throws Exception {
		HttpResponse<String> status = HttpClient.newHttpClient()
			.send(get("/api/generator"), HttpResponse.BodyHandlers.ofString());
		assertThat(status.statusCode()).isEqualTo(200);
		JsonNode announced = json.readTree(status.body());
		assertThat(announced.get("model").asString()).isEqualTo("shop");
		assertThat(announced.get("seed").asLong()).isEqualTo(2026);
		assertThat(announced.get("limit").asLong()).isEqualTo(500);

		Map<String, Long> onTheTopic = EventTopicAssertions.assertTopicHoldsExactlyTheLimit(this.bootstrapServers,
				this.topics.events().name(), 500, this.registry);

		Map<String, Long> expected = new TreeMap<>();
		announced.get("expectedTotals").properties().forEach(entry -> expected.put(entry.getKey(), entry.getValue().asLong()));
		assertThat(onTheTopic).isEqualTo(expected);
	}

	@Test
	void reportsHealthAndTheProducedMetricOverHttp() throws Exception {
		HttpClient http = HttpClient.newHttpClient();

		HttpResponse<String> health = http.send(get("/actuator/health"), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> readiness = http.send(get("/actuator/health/readiness"),
				HttpResponse.BodyHandlers.ofString());

		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"");
		assertThat(readiness.statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			HttpResponse<String> produced = http.send(get(ActuatorMetric.path(MetricNames.EVENTS_PRODUCED)),
					HttpResponse.BodyHandlers.ofString());
			assertThat(produced.statusCode()).isEqualTo(200);
			assertThat(json.readValue(produced.body(), ActuatorMetric.class).value()).isEqualTo(500.0);
		});
	}

	@Test
	void boundsTheProducersClose() {
		assertThat(this.template.getProducerFactory())
			.isInstanceOfSatisfying(DefaultKafkaProducerFactory.class,
					factory -> assertThat(factory.getPhysicalCloseTimeout()).isEqualTo(Duration.ofSeconds(5)));
	}

	private HttpRequest get(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build();
	}

}
