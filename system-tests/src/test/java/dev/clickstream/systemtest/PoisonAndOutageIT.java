package dev.clickstream.systemtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import dev.clickstream.model.MetricNames;
import dev.clickstream.systemtest.harness.BuiltJars;
import dev.clickstream.systemtest.harness.KafkaBrokerProcess;
import dev.clickstream.systemtest.harness.ProcessGroup;
import dev.clickstream.systemtest.harness.ServiceProcess;
import dev.clickstream.systemtest.harness.TopicReader;
import dev.clickstream.systemtest.harness.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * The seed's own client library writes a dozen kinds of poison between good records while the generator runs; then
 * the broker goes away for 20 s. Each poison record is dead-lettered once, the good ones are counted exactly, and
 * both services come back without a restart.
 */
class PoisonAndOutageIT {

	private static final Path PYTHON = Path.of("/usr/bin/python3");

	private static final Path SEED_CLIENT = Path.of("src/test/python/seed_client_produce.py");

	private static final String GOOD = "{\"date\":\"2020-03-25T19:05:49UTC\",\"productId\":\"4pqurkxx3oku8yj\",\"eventName\":\"%s\",\"userId\":\"ur0kzmbj\"}";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@AutoClose
	ProcessGroup processes = ProcessGroup.forTest("poison-and-outage");

	@Test
	void poisonIsDeadLetteredOnceAndNothingIsLostWhenTheBrokerIsAwayFor20Seconds() throws Exception {
		assumeThat(seedClientAvailable()).as("python3-confluent-kafka, the seed's client (CI installs it)").isTrue();
		KafkaBrokerProcess broker = processes.startBroker();
		String bootstrap = broker.bootstrapServers();
		ServiceProcess producer = processes.startService("clickstream-producer", BuiltJars.clickstreamProducer(),
				broker, "--clickstream.generator.rate=500");
		ServiceProcess listener = processes.startService("event-listener", BuiltJars.eventListener(), broker,
				"--clickstream.instance-id=poison-it", "--clickstream.snapshots.interval=200ms");

		Map<String, byte[]> poison = poisonKinds();
		writeWithTheSeedClient(bootstrap, poison);
		await("every poison record on the dead-letter topic").atMost(Duration.ofMinutes(1))
			.untilAsserted(() -> assertThat(deadLetterKeys(bootstrap)).containsExactlyInAnyOrderElementsOf(poison.keySet()));

		double producedBeforeOutage = producer.count(MetricNames.EVENTS_PRODUCED);
		broker.stop();
		await("both report the broker DOWN").atMost(Duration.ofSeconds(30))
			.until(() -> !listener.isUp() && !producer.isUp());
		await("both stay up through 20 s without a broker").during(Duration.ofSeconds(20))
			.atMost(Duration.ofSeconds(30))
			.until(() -> listener.isAlive() && producer.isAlive());
		broker.start();
		await("both healthy again, by themselves").atMost(Duration.ofMinutes(2))
			.until(() -> listener.isUp() && producer.isUp());
		await("the generator produces again").atMost(Duration.ofMinutes(1))
			.until(() -> producer.count(MetricNames.EVENTS_PRODUCED) > producedBeforeOutage + 1_000);
		producer.stop();

		Map<String, Long> good = goodEventCounts(bootstrap);
		CountsAssertions.awaitExactTotals(bootstrap, good);
		assertThat(deadLetterKeys(bootstrap)).as("each poison record exactly once")
			.containsExactlyInAnyOrderElementsOf(poison.keySet());
	}

	/** A dozen ways a record on the event topic can fail to be a click event; null stands for a tombstone. */
	private static Map<String, byte[]> poisonKinds() {
		Map<String, byte[]> poison = new LinkedHashMap<>();
		poison.put("poison-tombstone", null);
		poison.put("poison-empty", new byte[0]);
		poison.put("poison-not-json", utf8("productview,4pqurkxx3oku8yj,ur0kzmbj"));
		poison.put("poison-truncated-json", utf8(GOOD.formatted("purchase").substring(0, 40)));
		poison.put("poison-not-utf8", "{\"eventName\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
		poison.put("poison-array", utf8("[" + GOOD.formatted("purchase") + "]"));
		poison.put("poison-missing-event-name", utf8(GOOD.formatted("purchase").replace("\"eventName\":\"purchase\",", "")));
		poison.put("poison-null-user", utf8(GOOD.formatted("purchase").replace("\"ur0kzmbj\"", "null")));
		poison.put("poison-numeric-product", utf8(GOOD.formatted("purchase").replace("\"4pqurkxx3oku8yj\"", "4")));
		poison.put("poison-bad-date", utf8(GOOD.formatted("purchase").replace("2020-03-25T19:05:49UTC", "25/03/2020")));
		poison.put("poison-unknown-name", utf8(GOOD.formatted("wishlist")));
		poison.put("poison-huge", utf8(GOOD.formatted("purchase").replace("}", ",\"pad\":\"" + "x".repeat(100_000) + "\"}")));
		return poison;
	}

	/** Poison and good records alternate; the good ones use the accepted variants: ISO-8601 dates, extra fields. */
	private void writeWithTheSeedClient(String bootstrap, Map<String, byte[]> poison) throws IOException, InterruptedException {
		List<String> lines = new ArrayList<>();
		String[] names = { "productview", "purchase", "addtobasket", "removefrombasket" };
		int i = 0;
		for (Map.Entry<String, byte[]> bad : poison.entrySet()) {
			for (int j = 0; j < 5; j++, i++) {
				String good = GOOD.formatted(names[i % names.length]);
				if (i % 3 == 1) {
					good = good.replace("2020-03-25T19:05:49UTC", "2020-03-25T19:05:49.250Z");
				}
				if (i % 3 == 2) {
					good = good.replace("}", ",\"sessionId\":\"s-" + i + "\",\"tags\":[\"a\"]}");
				}
				lines.add("good-" + i + "\t" + Base64.getEncoder().encodeToString(utf8(good)));
			}
			lines.add(bad.getKey() + "\t" + ((bad.getValue() == null) ? "-" : Base64.getEncoder().encodeToString(bad.getValue())));
		}
		Path input = this.processes.dir().resolve("seed-client-input.tsv");
		Files.write(input, lines);
		Process python = new ProcessBuilder(PYTHON.toString(), SEED_CLIENT.toString(), bootstrap, Topics.EVENTS)
			.redirectInput(input.toFile())
			.redirectErrorStream(true)
			.redirectOutput(this.processes.dir().resolve("seed-client.log").toFile())
			.start();
		assertThat(python.waitFor(2, TimeUnit.MINUTES)).as("the seed client finished").isTrue();
		assertThat(python.exitValue()).as("seed client exit code, see " + this.processes.dir().resolve("seed-client.log"))
			.isZero();
	}

	/** What the listener must count: every record on the event topic that is not one of the poison. */
	private static Map<String, Long> goodEventCounts(String bootstrap) {
		Map<String, Long> counts = new TreeMap<>();
		for (ConsumerRecord<String, String> record : TopicReader.readAll(bootstrap, Topics.EVENTS)) {
			if (!record.key().startsWith("poison-")) {
				counts.merge(JSON.readTree(record.value()).path("eventName").asString(), 1L, Long::sum);
			}
		}
		return counts;
	}

	private static List<String> deadLetterKeys(String bootstrap) {
		return TopicReader.readAll(bootstrap, Topics.DEAD_LETTERS).stream().map(ConsumerRecord::key).toList();
	}

	private static boolean seedClientAvailable() throws IOException, InterruptedException {
		if (!Files.isExecutable(PYTHON)) {
			return false;
		}
		Process check = new ProcessBuilder(PYTHON.toString(), "-c", "import confluent_kafka").start();
		return check.waitFor(30, TimeUnit.SECONDS) && check.exitValue() == 0;
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
