package dev.clickstream.listener;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.clickstream.kafka.ClickstreamTopics;
import dev.clickstream.kafka.ReadCommittedConsumers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
		"clickstream.instance-id=test", "clickstream.snapshots.interval=500ms" })
@EmbeddedKafka(partitions = 3, brokerProperties = { "transaction.state.log.replication.factor=1",
		"transaction.state.log.min.isr=1", "offsets.topic.replication.factor=1" })
class IntervalSnapshotsTest {

	static final int WAVES = 25;

	@Autowired
	EmbeddedKafkaBroker broker;

	@Autowired
	ReadCommittedConsumers consumers;

	@Test
	void countsThatKeepChangingArePublishedAtMostOncePerInterval() {
		EventTopicFixture fixture = new EventTopicFixture(this.broker.getBrokersAsString(), this.consumers);
		Map<String, Long> sent = new ConcurrentHashMap<>(fixture.sendEvents(20));
		// Counting runs once these are in a snapshot; that first snapshot also carries the publisher's first transaction.
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(fixture.newestCounts()).isEqualTo(sent));
		int before = fixture.snapshots().size();

		AtomicInteger waves = new AtomicInteger();
		ScheduledExecutorService input = Executors.newSingleThreadScheduledExecutor();
		try {
			// Counts change every 100 ms for about 2.5 s: without the cadence, each counting transaction would bring
			// a snapshot of its own.
			input.scheduleAtFixedRate(() -> {
				if (waves.get() < WAVES) {
					fixture.sendEvents(20).forEach((name, count) -> sent.merge(name, count, Long::sum));
					waves.incrementAndGet();
				}
			}, 0, 100, TimeUnit.MILLISECONDS);
			await().atMost(Duration.ofSeconds(30)).until(() -> waves.get() == WAVES);
		}
		finally {
			input.shutdownNow();
		}
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(fixture.newestCounts()).isEqualTo(sent));

		List<Long> publishedAt = fixture.records(ClickstreamTopics.DEFAULT_UNIQUE_EVENTS)
			.stream()
			.skip(before)
			.map(ConsumerRecord::timestamp)
			.toList();
		assertThat(publishedAt).as("snapshots while the counts changed").hasSizeGreaterThanOrEqualTo(4);
		// Per interval one snapshot; without the cadence each counting transaction, 25-100 ms apart, would bring its
		// own. Only the mean is asserted: a slow commit on a busy machine delays one snapshot and brings the next
		// one closer, so single gaps can be shorter than the interval while the rate stays at one per interval.
		assertThat((publishedAt.get(publishedAt.size() - 1) - publishedAt.get(0)) / (publishedAt.size() - 1))
			.as("mean ms between snapshots, with an interval of 500 ms: %s", publishedAt)
			.isGreaterThanOrEqualTo(400);
	}

}
