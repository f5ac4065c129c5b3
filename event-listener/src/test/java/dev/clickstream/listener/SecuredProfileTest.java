package dev.clickstream.listener;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The listener in the secured profile, its secrets given as the environment would: every Kafka client it makes uses
 * SASL_SSL with the bundle's truststore, and its dashboard and read APIs need the operator. No broker, no producer:
 * nothing listens at either address.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.bootstrap-servers=127.0.0.1:1", "KAFKA_PASSWORD=kafka-secret-value",
				"KAFKA_TRUSTSTORE_PASSWORD=test-truststore", "HTTP_OPERATOR_PASSWORD=op-secret",
				"HTTP_PROMETHEUS_PASSWORD=scrape-secret", "PRODUCER_HTTP_PASSWORD=producer-secret",
				"clickstream.dashboard.producer-url=http://127.0.0.1:1" })
@ActiveProfiles("secured")
class SecuredProfileTest {

	private final HttpClient http = HttpClient.newHttpClient();

	@Value("${local.server.port}")
	int port;

	@Autowired
	ConsumerFactory<?, ?> consumerFactory;

	@Autowired
	ProducerFactory<?, ?> producerFactory;

	@Autowired
	KafkaAdmin kafkaAdmin;

	@DynamicPropertySource
	static void truststore(DynamicPropertyRegistry registry) {
		registry.add("KAFKA_TRUSTSTORE",
				() -> SecuredProfileTest.class.getResource("/secured/truststore.p12").getPath());
	}

	@Test
	void everyClientFactoryHasSaslSslWithTheBundleAsTheListenersPrincipal() {
		// The hand-made clients (read-committed consumers, the topic browser's and the health check's admin) copy
		// these configurations.
		for (Map<String, Object> config : List.of(this.consumerFactory.getConfigurationProperties(),
				this.producerFactory.getConfigurationProperties(), this.kafkaAdmin.getConfigurationProperties())) {
			assertThat(config).containsEntry(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL")
				.containsEntry(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512")
				.containsKey(SslBundle.class.getName());
			assertThat((String) config.get(SaslConfigs.SASL_JAAS_CONFIG)).contains("username=\"event-listener\"");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "/api/counts", "/api/windows", "/api/summary", "/api/topics", "/api/dashboard",
			"/favicon.svg" })
	void theDashboardAndTheReadApisNeedTheOperator(String path) throws Exception {
		assertThat(send("GET", path, null, null).statusCode()).isEqualTo(401);
		assertThat(send("GET", path, "operator", "op-secret").statusCode()).isNotIn(401, 403);
	}

	@Test
	void theGeneratorsControlsNeedTheOperatorAndArePassedOn() throws Exception {
		assertThat(send("PATCH", "/api/dashboard/generator", null, null).statusCode()).isEqualTo(401);
		assertThat(send("PATCH", "/api/dashboard/generator", "prometheus", "scrape-secret").statusCode())
			.isEqualTo(403);

		// Let through to the producer, who is not there.
		HttpResponse<String> passedOn = send("PATCH", "/api/dashboard/generator", "operator", "op-secret");
		assertThat(passedOn.statusCode()).isEqualTo(503);
		assertThat(passedOn.body()).contains("Generator unreachable");
	}

	@Test
	void probesAreOpenAndTheScrapeUserScrapes() throws Exception {
		assertThat(send("GET", "/actuator/health/liveness", null, null).statusCode()).isEqualTo(200);
		assertThat(send("GET", "/actuator/health/readiness", null, null).statusCode()).isNotIn(401, 403);
		assertThat(send("GET", "/actuator/prometheus", "prometheus", "scrape-secret").statusCode()).isEqualTo(200);
		assertThat(send("GET", "/actuator/metrics", "prometheus", "scrape-secret").statusCode()).isEqualTo(403);
		assertThat(send("GET", "/actuator/metrics", null, null).statusCode()).isEqualTo(401);
	}

	private HttpResponse<String> send(String method, String path, @Nullable String user, @Nullable String password)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", "application/json")
			.method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString("{\"rate\": 50}"));
		if (user != null) {
			request.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
