package dev.clickstream.dashboard;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

class GeneratorProxyTest {

	private HttpServer producer;

	private final List<String> received = new ArrayList<>();

	private final List<String> authorizations = new ArrayList<>();

	@AfterEach
	void stopProducer() {
		if (this.producer != null) {
			this.producer.stop(0);
		}
	}

	@Test
	void passesTheStatusAndAChangeOnAndTheProducersAnswersBackAsTheyCame() throws IOException {
		startProducer();
		GeneratorProxy proxy = proxy("http://127.0.0.1:" + this.producer.getAddress().getPort());

		ResponseEntity<?> status = proxy.status();
		ResponseEntity<?> change = proxy.change("{\"rate\":321}");
		ResponseEntity<?> refused = proxy.change("{\"rate\":-1}");

		assertThat(status.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(status.getBody()).isEqualTo("{\"model\":\"shop\",\"rate\":100}");
		assertThat(change.getBody()).isEqualTo("{\"model\":\"shop\",\"rate\":321}");
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(this.received).containsExactly("GET /api/generator ", "PATCH /api/generator {\"rate\":321}",
				"PATCH /api/generator {\"rate\":-1}");
	}

	@Test
	void manyAskingForTheStatusWithinASecondMakeOneRequestAndAChangeIsSeenAtOnce() throws IOException {
		startProducer();
		GeneratorProxy proxy = proxy("http://127.0.0.1:" + this.producer.getAddress().getPort());

		for (int dashboard = 0; dashboard < 50; dashboard++) {
			assertThat(proxy.status().getBody()).isEqualTo("{\"model\":\"shop\",\"rate\":100}");
		}
		proxy.change("{\"rate\":321}");
		proxy.status();

		assertThat(this.received).containsExactly("GET /api/generator ", "PATCH /api/generator {\"rate\":321}",
				"GET /api/generator ");
	}

	@Test
	void aProducerThatDoesNotAnswerIsUnavailableWithWhere() throws IOException {
		HttpServer closed = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		int port = closed.getAddress().getPort();
		closed.stop(0);

		ResponseEntity<?> status = proxy("http://127.0.0.1:" + port).status();

		assertThat(status.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(((ProblemDetail) status.getBody()).getDetail()).contains("127.0.0.1:" + port + "/api/generator");
	}

	@Test
	void givesTheProducerItsOperatorsCredentialsWhenSetAndNoneOtherwise() throws IOException {
		startProducer();
		String producerUrl = "http://127.0.0.1:" + this.producer.getAddress().getPort();

		proxy(producerUrl, new ProducerCredentials("operator", "op-secret")).change("{\"rate\":321}");
		proxy(producerUrl).status();

		// "operator:op-secret" in Base64
		assertThat(this.authorizations).containsExactly("Basic b3BlcmF0b3I6b3Atc2VjcmV0", "none");
	}

	@Test
	void withoutAProducerUrlTheGeneratorIsUnavailable() {
		ResponseEntity<?> status = proxy("").status();

		assertThat(status.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(((ProblemDetail) status.getBody()).getDetail()).contains("producer-url is empty");
	}

	private void startProducer() throws IOException {
		this.producer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.producer.createContext("/api/generator", exchange -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			this.received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " " + body);
			this.authorizations.add(exchange.getRequestHeaders().getFirst("Authorization") != null
					? exchange.getRequestHeaders().getFirst("Authorization") : "none");
			boolean refused = body.contains("-1");
			String answer = refused ? "{\"title\":\"Invalid generator change\",\"status\":400}"
					: "{\"model\":\"shop\",\"rate\":" + (body.isEmpty() ? "100" : "321") + "}";
			exchange.getResponseHeaders()
				.add("Content-Type", refused ? "application/problem+json" : "application/json");
			byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(refused ? 400 : 200, bytes.length);
			exchange.getResponseBody().write(bytes);
			exchange.close();
		});
		this.producer.start();
	}

	private static GeneratorProxy proxy(String producerUrl) {
		return proxy(producerUrl, ProducerCredentials.none());
	}

	private static GeneratorProxy proxy(String producerUrl, ProducerCredentials credentials) {
		return new GeneratorProxy(new DashboardProperties(true, producerUrl, Duration.ofSeconds(2), Duration.ofSeconds(1),
				Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofSeconds(5), 50, Duration.ofMinutes(30),
				DefaultTopicSettings.BROWSER, DefaultTopicSettings.RATES, DefaultTopicSettings.LATE), credentials);
	}

}
