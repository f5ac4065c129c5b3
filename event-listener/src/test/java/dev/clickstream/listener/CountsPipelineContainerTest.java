package dev.clickstream.listener;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

import dev.clickstream.kafka.ReadCommittedConsumers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The exact-count check against the broker image the project deploys. Skipped without Docker.
 */
@SpringBootTest(properties = { "clickstream.instance-id=container-test", "clickstream.snapshots.interval=200ms" })
@Testcontainers(disabledWithoutDocker = true)
class CountsPipelineContainerTest {

	@Container
	@ServiceConnection
	static final KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.2");

	@Autowired
	ReadCommittedConsumers consumers;

	@Test
	void snapshotCountsEqualExactlyTheEventsSent() {
		EventTopicFixture fixture = new EventTopicFixture(kafka.getBootstrapServers(), this.consumers);
		Map<String, Long> sent = fixture.sendEvents(2_000);

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(fixture.newestCounts()).isEqualTo(sent));
	}

}
