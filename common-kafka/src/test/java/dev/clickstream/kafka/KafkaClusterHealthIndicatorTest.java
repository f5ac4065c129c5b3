package dev.clickstream.kafka;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaClusterHealthIndicatorTest {

	@Test
	void upWithTheClusterIdWhenTheBrokerAnswers() throws Exception {
		EmbeddedKafkaBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
		broker.afterPropertiesSet();
		try (KafkaClusterHealthIndicatorCloser indicator = new KafkaClusterHealthIndicatorCloser(
				broker.getBrokersAsString())) {
			Health health = indicator.health();

			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("brokers", 1).containsKey("clusterId");
		}
		finally {
			broker.destroy();
		}
	}

	@Test
	void downWithTheReasonWithinTheTimeoutWhenNothingListens() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		try (KafkaClusterHealthIndicatorCloser indicator = new KafkaClusterHealthIndicatorCloser(
				"127.0.0.1:" + closedPort)) {
			long started = System.nanoTime();
			Health health = indicator.health();

			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsKey("error");
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
		}
	}

	/** The indicator under test, closed after each test so no admin client outlives it. */
	static final class KafkaClusterHealthIndicatorCloser implements AutoCloseable {

		private final KafkaClusterHealthIndicator indicator;

		KafkaClusterHealthIndicatorCloser(String bootstrapServers) {
			this.indicator = new KafkaClusterHealthIndicator(
					new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers)),
					Duration.ofMillis(1500));
		}

		Health health() {
			return this.indicator.health();
		}

		@Override
		public void close() {
			this.indicator.destroy();
		}

	}

}
