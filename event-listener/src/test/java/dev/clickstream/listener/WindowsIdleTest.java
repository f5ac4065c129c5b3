package dev.clickstream.listener;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.clickstream.kafka.ClickstreamTopics;
import dev.clickstream.listener.kafka.ReadCommittedConsumers;
import dev.clickstream.model.WindowResult;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Input that stops inside a window: no later event ever closes it by event time, and the idle timeout does, once the
 * changelog has been quiet, with one final result that holds every event.
 */
@SpringBootTest(properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
		"clickstream.instance-id=test", "clickstream.snapshots.interval=200ms",
		"clickstream.windows.idle-timeout=3s" })
@EmbeddedKafka(partitions = 3, brokerProperties = { "transaction.state.log.replication.factor=1",
		"transaction.state.log.min.isr=1", "offsets.topic.replication.factor=1" })
class WindowsIdleTest {

	@Autowired
	EmbeddedKafkaBroker broker;

	@Autowired
	ReadCommittedConsumers consumers;

	@Autowired
	ClickstreamTopics topics;

	@Test
	void theIdleTimeoutClosesTheLastWindowWithOneFinalResultOfAllItsEvents() {
		EventTopicFixture fixture = new EventTopicFixture(this.broker.getBrokersAsString(), this.consumers);
		Map<String, Long> sent = fixture.sendEvents(300);
		JsonMapper json = JsonMapper.builder().build();

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(finals(fixture, json)).hasSize(1));
		List<WindowResult> finals = finals(fixture, json);
		Map<String, Long> counted = new TreeMap<>();
		finals.get(0).counts().forEach((name, count) -> {
			if (count > 0) {
				counted.put(name, count);
			}
		});
		assertThat(counted).isEqualTo(sent);
	}

	private List<WindowResult> finals(EventTopicFixture fixture, JsonMapper json) {
		return fixture.records(this.topics.windowResults().name())
			.stream()
			.map(ConsumerRecord::value)
			.filter(value -> value != null)
			.map(value -> WindowResult.fromJson(json, value))
			.filter(WindowResult::isFinal)
			.toList();
	}

}
