package dev.clickstream.producer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.SaslConfigs;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The producer in the secured profile, its secrets given as the environment would: the Kafka clients' settings and
 * who may call what over HTTP. No broker: nothing listens at the bootstrap address, and the HTTP side does not need
 * one.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.bootstrap-servers=127.0.0.1:1", "KAFKA_PASSWORD=" + SecuredProfileTest.KAFKA_SECRET,
				"KAFKA_TRUSTSTORE_PASSWORD=" + SecuredProfileTest.TRUSTSTORE_SECRET, "HTTP_OPERATOR_PASSWORD=op-secret",
				"HTTP_PROMETHEUS_PASSWORD=scrape-secret",
				"management.endpoints.web.exposure.include=health,info,metrics,prometheus,configprops,env",
				"management.endpoint.configprops.show-values=always", "management.endpoint.env.show-values=always" })
@ActiveProfiles("secured")
class SecuredProfileTest {

	static final String KAFKA_SECRET = "kafka-secret-value";

	static final String TRUSTSTORE_SECRET = "test-truststore";

	private final HttpClient http = HttpClient.newHttpClient();

	@Value("${local.server.port}")
	int port;

	@Autowired
	KafkaAdmin kafkaAdmin;

	@Autowired
	ProducerFactory<?, ?> producerFactory;

	@DynamicPropertySource
	static void truststore(DynamicPropertyRegistry registry) {
		registry.add("KAFKA_TRUSTSTORE", () -> SecuredProfileTest.class.getResource("/secured/truststore.p12").getPath());
	}

	@Test
	void theProducerAndTheAdminClientsUseSaslSslWithTheBundlesTruststore() {
		assertThat(this.producerFactory.getConfigurationProperties()).containsEntry(
				CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL")
			.containsEntry(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512")
			.containsKey(SslBundle.class.getName());
		assertThat(this.kafkaAdmin.getConfigurationProperties())
			.containsEntry(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL")
			.containsKey(SslBundle.class.getName());
		assertThat((String) this.producerFactory.getConfigurationProperties().get(SaslConfigs.SASL_JAAS_CONFIG))
			.contains("username=\"clickstream-producer\"")
			.contains("password=\"" + KAFKA_SECRET + "\"");
	}

	@Test
	void kafkasOwnConfigurationLogHidesTheJaasConfiguration() {
		// ProducerConfig logs a PASSWORD value as [hidden].
		assertThat(ProducerConfig.configDef().configKeys().get(SaslConfigs.SASL_JAAS_CONFIG).type)
			.isEqualTo(ConfigDef.Type.PASSWORD);
	}

	@Test
	void changingTheGeneratorNeedsTheOperator() throws Exception {
		assertThat(send("PATCH", "/api/generator", null, null).statusCode()).isEqualTo(401);
		assertThat(send("PATCH", "/api/generator", "prometheus", "scrape-secret").statusCode()).isEqualTo(403);

		HttpResponse<String> changed = send("PATCH", "/api/generator", "operator", "op-secret");
		assertThat(changed.statusCode()).isEqualTo(200);
		assertThat(changed.body()).contains("\"rate\":50");
	}

	@Test
	void readingTheGeneratorNeedsTheOperator() throws Exception {
		assertThat(send("GET", "/api/generator", null, null).statusCode()).isEqualTo(401);
		assertThat(send("GET", "/api/generator", "operator", "op-secret").statusCode()).isEqualTo(200);
	}

	@Test
	void metricsNeedTheOperatorAndPrometheusItsUser() throws Exception {
		HttpResponse<String> anonymous = send("GET", "/actuator/metrics", null, null);
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				(challenge) -> assertThat(challenge).startsWith("Basic"));
		assertThat(send("GET", "/actuator/metrics", "operator", "op-secret").statusCode()).isEqualTo(200);
		assertThat(send("GET", "/actuator/prometheus", "prometheus", "scrape-secret").statusCode()).isEqualTo(200);
		assertThat(send("GET", "/actuator/metrics", "prometheus", "scrape-secret").statusCode()).isEqualTo(403);
	}

	@Test
	void probesAreOpenAndSayDownWithoutKafka() throws Exception {
		assertThat(send("GET", "/actuator/health/liveness", null, null).statusCode()).isEqualTo(200);
		// Not ready: no broker answers. Still no 401: a probe never needs credentials.
		HttpResponse<String> readiness = send("GET", "/actuator/health/readiness", null, null);
		assertThat(readiness.statusCode()).isEqualTo(503);
		assertThat(readiness.body()).contains("\"status\":\"DOWN\"").doesNotContain("error");
	}

	@Test
	void configurationEndpointsMaskTheSecrets() throws Exception {
		HttpResponse<String> configprops = send("GET", "/actuator/configprops", "operator", "op-secret");
		HttpResponse<String> env = send("GET", "/actuator/env", "operator", "op-secret");

		assertThat(configprops.statusCode()).isEqualTo(200);
		assertThat(configprops.body()).contains("sasl.jaas.config")
			.doesNotContain(KAFKA_SECRET)
			.doesNotContain(TRUSTSTORE_SECRET)
			.doesNotContain("op-secret");
		assertThat(env.statusCode()).isEqualTo(200);
		assertThat(env.body()).contains("sasl.jaas.config")
			.doesNotContain(KAFKA_SECRET)
			.doesNotContain(TRUSTSTORE_SECRET)
			.doesNotContain("op-secret")
			.doesNotContain("scrape-secret");
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
