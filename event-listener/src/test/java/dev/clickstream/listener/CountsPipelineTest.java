package dev.clickstream.listener;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.clickstream.kafka.ReadCommittedConsumers;
import dev.clickstream.model.CountsSnapshot;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
				"clickstream.instance-id=test", "clickstream.snapshots.interval=200ms" })
@EmbeddedKafka(partitions = 3, brokerProperties = { "transaction.state.log.replication.factor=1",
		"transaction.state.log.min.isr=1", "offsets.topic.replication.factor=1" })
class CountsPipelineTest {

	@Autowired
	EmbeddedKafkaBroker broker;

	@Autowired
	ReadCommittedConsumers consumers;

	@Autowired
	MeterRegistry meters;

	@LocalServerPort
	int port;

	EventTopicFixture fixture;

	@BeforeEach
	void setUp() {
		this.fixture = new EventTopicFixture(this.broker.getBrokersAsString(), this.consumers);
	}

	@Test
	void snapshotsAndTheApiShowExactlyTheEventsSentPerEventName() {
		Map<String, Long> sent = this.fixture.sendEvents(3_000);

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(this.fixture.newestCounts()).isEqualTo(sent));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			CountsSnapshot viaHttp = RestClient.create("http://localhost:" + this.port)
				.get()
				.uri("/api/counts")
				.retrieve()
				.body(CountsSnapshot.class);
			assertThat(viaHttp.counts()).isEqualTo(sent);
			assertThat(viaHttp.counts().keySet()).containsExactlyElementsOf(EventTopicFixture.NAMES);
		});
		assertThat(this.meters.get("clickstream.events.latency").timer().count()).isPositive();
		List<CountsSnapshot> snapshots = this.fixture.snapshots();
		for (int i = 1; i < snapshots.size(); i++) {
			for (String name : EventTopicFixture.NAMES) {
				assertThat(snapshots.get(i).counts().get(name)).as("snapshot %d, %s", i, name)
					.isGreaterThanOrEqualTo(snapshots.get(i - 1).counts().get(name));
			}
		}
	}

}
