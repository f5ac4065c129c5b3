package dev.clickstream.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Reports whether the Kafka cluster answers, with a short timeout so a health probe never hangs on a lost broker.
 */
class KafkaClusterHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

	private final Map<String, Object> adminConfig;

	private final Duration timeout;

	// One client for the life of the service: creating one per probe would open new connections each time.
	private volatile Admin admin;

	KafkaClusterHealthIndicator(KafkaAdmin kafkaAdmin, Duration timeout) {
		super("Kafka health check failed");
		this.adminConfig = kafkaAdmin.getConfigurationProperties();
		this.timeout = timeout;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		DescribeClusterResult cluster = admin()
			.describeCluster(new DescribeClusterOptions().timeoutMs((int) this.timeout.toMillis()));
		long timeoutMillis = this.timeout.toMillis();
		String clusterId = cluster.clusterId().get(timeoutMillis, TimeUnit.MILLISECONDS);
		int brokers = cluster.nodes().get(timeoutMillis, TimeUnit.MILLISECONDS).size();
		builder.up().withDetail("clusterId", clusterId).withDetail("brokers", brokers);
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
