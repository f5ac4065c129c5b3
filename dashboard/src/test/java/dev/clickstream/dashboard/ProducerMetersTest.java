package dev.clickstream.dashboard;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.clickstream.dashboard.DashboardState.Producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ProducerMetersTest {

	private static final String PRODUCED = """
			{"availableTags":[{"tag":"eventName","values":["purchase","productview"]}],
			 "description":"Click events the broker acknowledged",
			 "measurements":[{"statistic":"COUNT","value":4300.0}],"name":"clickstream.events.produced"}""";

	private HttpServer producer;

	// Holds a request unanswered until the test is over: a producer that does not answer in time.
	private final CountDownLatch testOver = new CountDownLatch(1);

	@AfterEach
	void stopProducer() {
		this.testOver.countDown();
		if (this.producer != null) {
			this.producer.stop(0);
		}
	}

	@Test
	void readsTheProducedCountFromTheProducersActuator() throws IOException {
		ProducerMeters meters = meters(producerAnswering(200, PRODUCED), Duration.ofSeconds(2));

		meters.refresh();

		await().atMost(Duration.ofSeconds(5)).until(() -> !meters.latest().status().equals("unknown"));
		assertThat(meters.latest()).extracting(Producer::status, Producer::produced, Producer::error)
			.containsExactly("reachable", 4300L, null);
		assertThat(meters.latest().url()).endsWith(ProducerMeters.PRODUCED_PATH);
	}

	@Test
	void aProducerThatProducedNothingYetHasNoMeterAndCountsAsZero() throws IOException {
		ProducerMeters meters = meters(producerAnswering(404, ""), Duration.ofSeconds(2));

		meters.refresh();

		await().atMost(Duration.ofSeconds(5)).until(() -> !meters.latest().status().equals("unknown"));
		assertThat(meters.latest()).extracting(Producer::status, Producer::produced).containsExactly("reachable", 0L);
	}

	@Test
	void aProducerThatDoesNotAnswerInTimeIsUnreachable() throws IOException {
		this.producer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.producer.createContext("/", exchange -> {
			try {
				this.testOver.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			exchange.close();
		});
		this.producer.start();
		ProducerMeters meters = meters(baseUri(), Duration.ofMillis(200));

		meters.refresh();

		await().atMost(Duration.ofSeconds(5)).until(() -> meters.latest().status().equals("unreachable"));
		assertThat(meters.latest().error()).contains("Timeout");
	}

	@Test
	void noUrlMeansNotConfiguredAndNoRequest() {
		ProducerMeters meters = new ProducerMeters(new DashboardProperties(true, "", Duration.ofSeconds(1),
				Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofSeconds(5), 10,
				Duration.ofMinutes(30), DefaultTopicSettings.BROWSER, DefaultTopicSettings.RATES,
				DefaultTopicSettings.LATE), ProducerCredentials.none(), JsonMapper.builder().build());

		meters.refresh();

		assertThat(meters.latest().status()).isEqualTo("not-configured");
	}

	private URI producerAnswering(int status, String body) throws IOException {
		this.producer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.producer.createContext(ProducerMeters.PRODUCED_PATH, exchange -> {
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(status, (bytes.length == 0) ? -1 : bytes.length);
			exchange.getResponseBody().write(bytes);
			exchange.close();
		});
		this.producer.start();
		return baseUri();
	}

	private URI baseUri() {
		return URI.create("http://127.0.0.1:" + this.producer.getAddress().getPort() + "/");
	}

	private static ProducerMeters meters(URI producerUrl, Duration timeout) {
		return new ProducerMeters(new DashboardProperties(true, producerUrl.toString(), timeout, Duration.ofSeconds(1),
				Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofSeconds(5), 10, Duration.ofMinutes(30),
				DefaultTopicSettings.BROWSER, DefaultTopicSettings.RATES, DefaultTopicSettings.LATE),
				ProducerCredentials.none(),
				JsonMapper.builder().build());
	}

}
