package dev.clickstream.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Reports whether the Kafka cluster answers, with a short timeout so a health probe never hangs on a lost broker.
 * A lost broker is an expected state, not an error: it is reported DOWN with the reason, and logged by nobody here
 * (the Kafka clients already warn about it), so probes do not fill the log with stack traces. Refused credentials, an
 * untrusted broker certificate or missing ACLs need a person: DOWN with a {@code cause} that says which, logged once
 * when it first shows (and again only when it changes), not at every probe.
 */
class KafkaClusterHealthIndicator implements HealthIndicator, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(KafkaClusterHealthIndicator.class);

	private final Map<String, Object> adminConfig;

	private final Duration timeout;

	// One client for the life of the service: creating one per probe would open new connections each time.
	private volatile Admin admin;

	private volatile @Nullable String loggedCause;

	KafkaClusterHealthIndicator(KafkaAdmin kafkaAdmin, Duration timeout) {
		this.adminConfig = kafkaAdmin.getConfigurationProperties();
		this.timeout = timeout;
	}

	@Override
	public Health health() {
		long timeoutMillis = this.timeout.toMillis();
		try {
			DescribeClusterResult cluster = admin()
				.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeoutMillis));
			String clusterId = cluster.clusterId().get(timeoutMillis, TimeUnit.MILLISECONDS);
			int brokers = cluster.nodes().get(timeoutMillis, TimeUnit.MILLISECONDS).size();
			this.loggedCause = null;
			return Health.up().withDetail("clusterId", clusterId).withDetail("brokers", brokers).build();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Health.down().withDetail("error", "interrupted").build();
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			Throwable cause = (ex instanceof ExecutionException && ex.getCause() != null) ? ex.getCause() : ex;
			Health.Builder down = Health.down()
				.withDetail("error", cause.getClass().getSimpleName() + ": " + cause.getMessage())
				.withDetail("timeout", this.timeout.toString());
			String refused = KafkaAccessFailures.describe(cause, this.adminConfig);
			if (refused != null) {
				logOnce(refused);
				down.withDetail("cause", refused);
			}
			return down.build();
		}
	}

	private void logOnce(String refused) {
		if (!refused.equals(this.loggedCause)) {
			this.loggedCause = refused;
			logger.error("Kafka health DOWN: {}", refused);
		}
	}

	private Admin admin() {
		Admin current = this.admin;
		if (current == null) {
			synchronized (this) {
				current = this.admin;
				if (current == null) {
					current = Admin.create(this.adminConfig);
					this.admin = current;
				}
			}
		}
		return current;
	}

	@Override
	public void destroy() {
		Admin current = this.admin;
		if (current != null) {
			current.close(Duration.ofSeconds(1));
		}
	}

}
