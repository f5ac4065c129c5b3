package dev.clickstream.listener;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.clickstream.kafka.ClickstreamTopics;
import dev.clickstream.kafka.ReadCommittedConsumers;
import dev.clickstream.listener.changelog.ChangelogFormat;
import dev.clickstream.listener.windows.WindowResults;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** With windows off the listener counts the totals as before windows existed, and has no windows to show. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
				"clickstream.instance-id=test", "clickstream.windows.enabled=false" })
@EmbeddedKafka(partitions = 3, brokerProperties = { "transaction.state.log.replication.factor=1",
		"transaction.state.log.min.isr=1", "offsets.topic.replication.factor=1" })
class WindowsOffTest {

	@Autowired
	EmbeddedKafkaBroker broker;

	@Autowired
	ReadCommittedConsumers consumers;

	@Autowired
	ApplicationContext context;

	@Autowired
	ClickstreamTopics topics;

	@Autowired
	ChangelogFormat format;

	@Value("${local.server.port}")
	int port;

	@Test
	void countsTheTotalsWithoutWindowsAndServesNone() throws Exception {
		EventTopicFixture fixture = new EventTopicFixture(this.broker.getBrokersAsString(), this.consumers);
		Map<String, Long> sent = fixture.sendEvents(300);

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(fixture.newestCounts()).isEqualTo(sent));
		assertThat(this.context.getBeanNamesForType(WindowResults.class)).isEmpty();
		assertThat(fixture.records(this.topics.changelog().name()))
			.extracting(record -> this.format.read(record.value()))
			.isNotEmpty()
			.allSatisfy(state -> {
				assertThat(state.watermark()).isNull();
				assertThat(state.windows()).isEmpty();
			});
		HttpResponse<String> windows = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/windows")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(windows.statusCode()).isEqualTo(404);
	}

}
