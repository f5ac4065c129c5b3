package dev.clickstream.systemtest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.clickstream.systemtest.harness.BuiltJars;
import dev.clickstream.systemtest.harness.KafkaBrokerProcess;
import dev.clickstream.systemtest.harness.ProcessGroup;
import dev.clickstream.systemtest.harness.TopicReader;
import dev.clickstream.systemtest.harness.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The local broker and both built jars as separate processes: what the listener last published must be exactly the
 * counts of what the producer wrote, as an independent reader of both topics sees them.
 */
class PipelineIT {

	private static final int EVENTS = 20_000;

	private static final Pattern SEED_TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dUTC");

	private static final Set<String> CLICK_EVENT_FIELDS = Set.of("date", "productId", "eventName", "userId");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@AutoClose
	ProcessGroup processes = ProcessGroup.forTest("pipeline");

	@Test
	void newestSnapshotCountsEveryEventOnTheEventTopicExactlyOnce() {
		KafkaBrokerProcess broker = processes.startBroker();
		String bootstrap = broker.bootstrapServers();
		processes.startService("clickstream-producer", BuiltJars.clickstreamProducer(), broker,
				"--clickstream.generator.rate=2000", "--clickstream.generator.limit=" + EVENTS);
		processes.startService("event-listener", BuiltJars.eventListener(), broker, "--clickstream.instance-id=it-1");

		await("all " + EVENTS + " events counted in the newest snapshot").atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofSeconds(2))
			.untilAsserted(() -> {
				List<ConsumerRecord<String, String>> events = TopicReader.readAll(bootstrap, Topics.EVENTS);
				assertThat(events).hasSize(EVENTS);
				JsonNode newest = TopicReader.readLatest(bootstrap, Topics.UNIQUE_EVENTS, 0)
					.map(record -> JSON.readTree(record.value()))
					.orElseThrow(() -> new AssertionError("no snapshot on " + Topics.UNIQUE_EVENTS + " yet"));
				assertThat(PipelineCounts.ofSnapshot(newest)).isEqualTo(PipelineCounts.byEventName(events));
			});

		List<ConsumerRecord<String, String>> events = TopicReader.readAll(bootstrap, Topics.EVENTS);
		assertThat(events).allSatisfy(PipelineIT::isSeedClickEvent);
		Map<String, Long> totals = PipelineCounts.byEventName(events);
		assertThat(TopicReader.readAll(bootstrap, Topics.UNIQUE_EVENTS)).isNotEmpty()
			.allSatisfy(record -> isSeedSnapshotWithin(record, totals));
	}

	private static void isSeedClickEvent(ConsumerRecord<String, String> record) {
		JsonNode event = JSON.readTree(record.value());
		assertThat(event.propertyNames()).as("fields of %s", record.value())
			.containsExactlyInAnyOrderElementsOf(CLICK_EVENT_FIELDS);
		assertThat(event.path("date").asString()).matches(SEED_TIME);
		assertThat(event.path("eventName").asString()).isNotBlank();
		assertThat(event.path("productId").asString()).isNotBlank();
		assertThat(record.key()).as("key of %s", record.value()).isEqualTo(event.path("userId").asString());
	}

	/** Every snapshot, not just the newest: the seed's format, and never more of a name than there are events. */
	private static void isSeedSnapshotWithin(ConsumerRecord<String, String> record, Map<String, Long> totals) {
		JsonNode snapshot = JSON.readTree(record.value());
		assertThat(snapshot.path("receiveAt").asString()).as("receiveAt of %s", record.value()).matches(SEED_TIME);
		assertThat(snapshot.properties()).filteredOn(field -> !field.getKey().equals("receiveAt"))
			.as("counts of %s", record.value())
			.allSatisfy(field -> {
				assertThat(field.getValue().isIntegralNumber()).as("%s is a whole number", field.getKey()).isTrue();
				assertThat(field.getValue().asLong()).isBetween(0L, totals.getOrDefault(field.getKey(), 0L));
			});
	}

}
