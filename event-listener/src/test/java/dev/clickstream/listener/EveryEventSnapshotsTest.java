package dev.clickstream.listener;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.clickstream.kafka.ReadCommittedConsumers;
import dev.clickstream.model.CountsSnapshot;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
		"clickstream.instance-id=test", "clickstream.snapshots.mode=every-event" })
@EmbeddedKafka(partitions = 3, brokerProperties = { "transaction.state.log.replication.factor=1",
		"transaction.state.log.min.isr=1", "offsets.topic.replication.factor=1" })
class EveryEventSnapshotsTest {

	@Autowired
	EmbeddedKafkaBroker broker;

	@Autowired
	ReadCommittedConsumers consumers;

	@Test
	void publishesOneSnapshotPerEventAsTheSeedDid() {
		EventTopicFixture fixture = new EventTopicFixture(this.broker.getBrokersAsString(), this.consumers);
		Map<String, Long> sent = fixture.sendEvents(500);

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(fixture.newestCounts()).isEqualTo(sent));
		List<Long> totals = fixture.snapshots().stream().map(CountsSnapshot::total).toList();
		assertThat(totals).containsSequence(1L, 2L, 3L);
		for (long total = 1; total <= 500; total++) {
			assertThat(totals).as("a snapshot after event %d", total).contains(total);
		}
	}

}
