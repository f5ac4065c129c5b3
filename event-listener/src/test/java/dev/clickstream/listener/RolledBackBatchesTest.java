package dev.clickstream.listener;

import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import dev.clickstream.kafka.ReadCommittedConsumers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
		"clickstream.instance-id=test", "clickstream.snapshots.interval=200ms",
		"clickstream.faults.fail-every-nth-batch=2", "spring.kafka.consumer.max-poll-records=100",
		"logging.level.org.springframework.kafka=OFF" })
@EmbeddedKafka(partitions = 3, brokerProperties = { "transaction.state.log.replication.factor=1",
		"transaction.state.log.min.isr=1", "offsets.topic.replication.factor=1" })
class RolledBackBatchesTest {

	@Autowired
	EmbeddedKafkaBroker broker;

	@Autowired
	ReadCommittedConsumers consumers;

	@Autowired
	MeterRegistry meters;

	@Test
	void everyOtherBatchRollsBackAndTheCountsStayExact() {
		EventTopicFixture fixture = new EventTopicFixture(this.broker.getBrokersAsString(), this.consumers);
		Map<String, Long> sent = fixture.sendEvents(2_000);

		await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(fixture.newestCounts()).isEqualTo(sent));
		assertThat(this.meters.get("clickstream.faults.injected").counter().count()).isGreaterThanOrEqualTo(5);
		sent.forEach((eventName, count) -> assertThat(
				this.meters.get("clickstream.events.counted").tag("eventName", eventName).counter().count())
			.as("counted metric of %s", eventName)
			.isEqualTo(count.doubleValue()));
	}

}
