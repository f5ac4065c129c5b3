package dev.clickstream.systemtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import dev.clickstream.model.EventNames;
import dev.clickstream.model.ClickEventReader;
import dev.clickstream.model.InvalidClickEventException;
import dev.clickstream.systemtest.harness.Snapshots;
import dev.clickstream.systemtest.harness.TopicReader;
import dev.clickstream.systemtest.harness.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Docker stack as a user runs it: {@code docker-compose up --build -d} on the repository's unmodified
 * docker-compose.yml, then a crash, a restart and a teardown, each with the counts checked. Needs a Docker engine and
 * the ports 8080, 8081 and 9092 free: it runs when {@code COMPOSE_STACK_IT=1} (CI sets it, after starting the engine).
 * {@code COMPOSE} names the Compose command (default {@code docker-compose}).
 */
@EnabledIfEnvironmentVariable(named = "COMPOSE_STACK_IT", matches = "1")
@TestInstance(Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class ComposeStackIT {

	static final Duration HEALTHY_WITHIN = Duration.ofMinutes(3);

	static final List<String> SERVICES = List.of("kafka", "clickstream-producer", "event-listener");

	static final String BOOTSTRAP = "127.0.0.1:9092";

	static final List<String> COUNTED = EventNames.SEED;

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final Pattern SNAPSHOT = Pattern.compile("\\{\"productview\":\\d+,\"purchase\":\\d+,\"addtobasket\":\\d+,"
			+ "\"removefrombasket\":\\d+,\"receiveAt\":\"[0-9T:-]{19}UTC\"}");

	// The seed-style counts first, then the window's unique users, top products and users sketch.
	static final Pattern WINDOW_RESULT = Pattern.compile("\\{\"windowStart\":\"[0-9T:-]{19}UTC\",\"windowEnd\":\"[0-9T:-]{19}UTC\","
			+ "\"productview\":\\d+,\"purchase\":\\d+,\"addtobasket\":\\d+,\"removefrombasket\":\\d+,\"final\":(true|false),"
			+ "\"receiveAt\":\"[0-9T:-]{19}UTC\",\"uniqueUsers\":\\{\"estimate\":\\d+,\"lowerBound\":\\d+,\"upperBound\":\\d+},"
			+ "\"topProducts\":\\{\"viewed\":\\[.*],\"purchased\":\\[.*]},\"usersSketch\":\"[A-Za-z0-9+/=]+\"}");

	static final String SHARE = "{\"date\":\"2026-12-01T10:00:00UTC\",\"productId\":\"p\",\"eventName\":\"share\",\"userId\":\"u\"}";

	final Path repository = Path.of(System.getProperty("user.dir")).getParent();

	final Compose stack = new Compose(this.repository, System.getenv().getOrDefault("COMPOSE", "docker-compose"));

	/** The engine's volumes before the stack first starts: whatever else runs on the engine keeps its own. */
	Set<String> volumesBefore;

	@BeforeAll
	void upWithABuild() {
		this.stack.compose(Duration.ofMinutes(2), "down", "-v", "--remove-orphans");
		this.volumesBefore = this.stack.volumes();
		this.stack.compose(Duration.ofMinutes(10), "up", "--build", "-d");
		awaitHealthy();
	}

	@AfterAll
	void down() {
		this.stack.compose(Duration.ofMinutes(2), "down", "-v", "--remove-orphans");
	}

	@Test
	@Order(1)
	void countsGrowAndReadmesKcatCommandsPrintWhatReadmeSays() throws IOException {
		long first = total(counts());
		await("totals growing").atMost(Duration.ofSeconds(60)).until(() -> total(counts()) > first);

		List<String> readme = Files.readAllLines(this.repository.resolve("README.md"));
		String events = readmeCommand(readme, "-t event-topic -o end");
		String newest = readmeCommand(readme, "-t unique-event-topic -X isolation.level=read_committed -o -10");
		// Following the topic never ends by itself: a few seconds of it, as a user would look.
		// SIGINT, as Ctrl-C: kcat then writes out what it has. Its own messages ("% Reached end of topic") are stderr.
		String followed = this.stack.run(
				List.of("sh", "-c", "timeout -s INT 5 " + events + " 2> /dev/null || [ $? -eq 124 ]"),
				Duration.ofSeconds(30));
		List<String> records = followed.lines().toList();
		assertThat(records).as("records of %s", events).isNotEmpty().allSatisfy(line -> {
			assertThat(line).matches("[a-z0-9]{8} \\{\"date\":\"[0-9T:-]{19}UTC\",\"productId\":\"[a-z0-9]{15}\","
					+ "\"eventName\":\"[a-z]+\",\"userId\":\"[a-z0-9]{8}\"}");
			assertThat(line.substring(0, 8)).as("key is the userId").isEqualTo(JSON.readTree(line.substring(9)).path("userId").asString());
		});
		String followSnapshots = readme.stream()
			.filter(line -> line.startsWith("| the topics"))
			.map(line -> line.replaceAll(".*`(kcat [^`]+)`.*", "$1"))
			.findFirst()
			.orElseThrow();
		List<String> snapshots = this.stack
			.run(List.of("sh", "-c", "timeout -s INT 5 " + followSnapshots + " 2> /dev/null || [ $? -eq 124 ]"),
					Duration.ofSeconds(30))
			.lines()
			.toList();
		assertThat(snapshots).as("snapshots of %s", followSnapshots).isNotEmpty().allSatisfy(line -> assertThat(line).matches(SNAPSHOT));
		String snapshot = this.stack.run(List.of("sh", "-c", newest + " 2> /dev/null"), Duration.ofSeconds(30)).strip();
		assertThat(snapshot).matches(SNAPSHOT);
	}

	/**
	 * The project's prometheus.yml with its targets moved from the Compose network to the host's published ports, and
	 * every query of the provisioned Grafana dashboard, asked as Grafana asks them. Grafana itself is not run.
	 */
	@Test
	@Order(2)
	void prometheusScrapesBothServicesAndEveryDashboardQueryHasData() throws Exception {
		Path monitoring = this.repository.resolve("docker/monitoring");
		String config = Files.readString(monitoring.resolve("prometheus/prometheus.yml"))
			.replace("clickstream-producer:8080", "127.0.0.1:8080")
			.replace("event-listener:8081", "127.0.0.1:8081");
		JsonNode dashboard = JSON.readTree(monitoring.resolve("grafana/dashboards/clickstream.json").toFile());
		List<JsonNode> targets = dashboard.findValues("targets").stream().flatMap(JsonNode::valueStream).toList();
		assertThat(targets).as("queries of the dashboard").hasSizeGreaterThan(10);
		String datasources = Files.readString(monitoring.resolve("grafana/provisioning/datasources/prometheus.yml"));
		targets.forEach(target -> assertThat(datasources).as("the provisioned datasource of %s", target)
			.contains("uid: " + target.path("datasource").path("uid").asString()));
		String dashboards = Files.readString(monitoring.resolve("grafana/provisioning/dashboards/clickstream.yml"));
		String composeFile = Files.readString(this.repository.resolve("docker-compose.yml"));
		String dashboardsPath = dashboards.lines()
			.filter(line -> line.strip().startsWith("path:"))
			.map(line -> line.strip().substring("path:".length()).strip())
			.findFirst()
			.orElseThrow();
		assertThat(composeFile).as("Grafana's dashboards mounted where the provisioning looks")
			.contains("./docker/monitoring/grafana/dashboards:" + dashboardsPath)
			.contains(dashboardsPath + "/clickstream.json");

		try (PrometheusServer prometheus = new PrometheusServer(config,
				this.repository.resolve("system-tests/target/prometheus-" + System.currentTimeMillis()))) {
			await("both services scraped").atMost(Duration.ofSeconds(60))
				.ignoreExceptions()
				.until(() -> prometheus.targetHealth().equals(List.of("up", "up")));
			for (JsonNode target : targets) {
				String expr = target.path("expr").asString();
				// rate() and increase() over [1m] need scrapes across most of a minute
				await(expr).atMost(Duration.ofSeconds(120))
					.pollInterval(Duration.ofSeconds(5))
					.ignoreExceptions()
					.untilAsserted(() -> assertThat(prometheus.query(expr)).as(expr).isNotEmpty());
			}
		}
	}

	/** A window's final result needs a minute and the grace of wall-clock traffic; the tests before took longer. */
	@Test
	@Order(3)
	void readmesWindowCommandPrintsAFinalWindowResult() throws IOException {
		List<String> readme = Files.readAllLines(this.repository.resolve("README.md"));
		String finals = readmeCommand(readme, "-t event-counts-per-minute");

		await("a final window result").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(5)).until(
				() -> !this.stack.run(List.of("sh", "-c", finals + " 2> /dev/null"), Duration.ofSeconds(30)).isBlank());
		String result = this.stack.run(List.of("sh", "-c", finals + " 2> /dev/null"), Duration.ofSeconds(30)).strip();

		assertThat(result).matches(WINDOW_RESULT);
		JsonNode window = JSON.readTree(result);
		assertThat(window.get("final").asBoolean()).isTrue();
		assertThat(window.get("productview").asLong()).isPositive();
		assertThat(window.path("uniqueUsers").path("estimate").asLong()).isPositive();
		assertThat(window.path("topProducts").path("viewed")).isNotEmpty();
	}

	@Test
	@Order(4)
	void deadLettersAreInspectedAndReplayedWithReadmesCommands() throws IOException {
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
				ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP, ProducerConfig.ACKS_CONFIG, "all"),
				new StringSerializer(), new StringSerializer())) {
			producer.send(new ProducerRecord<>(Topics.EVENTS, "poison-key", "not a click event"));
			producer.send(new ProducerRecord<>(Topics.EVENTS, "share-key", SHARE));
		}
		await("both dead-lettered").atMost(Duration.ofSeconds(60))
			.until(() -> TopicReader.readAll(BOOTSTRAP, Topics.DEAD_LETTERS).size() >= 2);

		List<String> readme = Files.readAllLines(this.repository.resolve("README.md"));
		String inspect = readme.stream()
			.filter(line -> line.startsWith("kcat ") && line.contains("-t event-topic.DLT") && line.contains("headers"))
			.findFirst()
			.orElseThrow();
		String inspected = this.stack.run(List.of("sh", "-c", inspect), Duration.ofSeconds(30));
		assertThat(inspected).contains("dlt.reason=not-json", "dlt.reason=unknown-event-name", "not a click event",
				SHARE);

		int replayAt = readme.indexOf(readme.stream()
			.filter(line -> line.startsWith("kcat ") && line.contains("grep '\"eventName\":\"share\"'"))
			.findFirst()
			.orElseThrow());
		// The command continues on the next line after a trailing backslash.
		String firstLine = readme.get(replayAt).strip();
		String replay = firstLine.substring(0, firstLine.length() - 1) + readme.get(replayAt + 1);
		this.stack.run(List.of("bash", "-c", replay), Duration.ofSeconds(30));

		// Written back under its key, and (its name still not counted) dead-lettered once more.
		await("the share event back on the event topic").atMost(Duration.ofSeconds(60))
			.until(() -> TopicReader.readAll(BOOTSTRAP, Topics.EVENTS)
				.stream()
				.filter(record -> "share-key".equals(record.key()) && SHARE.equals(record.value()))
				.count() == 2);
		await("dead-lettered again").atMost(Duration.ofSeconds(60))
			.until(() -> TopicReader.readAll(BOOTSTRAP, Topics.DEAD_LETTERS)
				.stream()
				.filter(record -> SHARE.equals(record.value()))
				.count() == 2);
	}

	@Test
	@Order(5)
	void aListenerKilledFromTheHostIsRestartedAndCountsOnFromItsCommittedCounts() {
		int restarts = Integer.parseInt(this.stack.inspect("event-listener", "{{.RestartCount}}"));
		String pid = this.stack.inspect("event-listener", "{{.State.Pid}}");
		Map<String, Long> before = counts();

		// kill -9 of the JVM from the host, as the OOM killer or a crash would end it; not `docker kill`, which
		// Docker takes for a manual stop and does not restart.
		this.stack.run(List.of("kill", "-9", pid), Duration.ofSeconds(10));

		await("the listener restarted by Docker and healthy").atMost(HEALTHY_WITHIN)
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> Integer.parseInt(this.stack.inspect("event-listener", "{{.RestartCount}}")) > restarts
					&& this.stack.healthy("event-listener"));
		await("counting continues").atMost(Duration.ofSeconds(60))
			.until(() -> total(counts()) > total(before));
		assertCountsNotBelow(counts(), before);
	}

	@Test
	@Order(6)
	void downThenUpKeepsTheCountsInTheNamedVolume() {
		Map<String, Long> before = counts();

		this.stack.compose(Duration.ofMinutes(2), "down");
		assertThat(volumesAddedByTheStack()).as("volumes left by `down`: the named one only, no anonymous one")
			.containsExactly(Compose.PROJECT + "_kafka-data");
		this.stack.compose(Duration.ofMinutes(5), "up", "-d");
		awaitHealthy();

		assertCountsNotBelow(counts(), before);
	}

	@Test
	@Order(7)
	void onceTheProducerStopsTheNewestSnapshotEqualsTheEventTopicCountedPerName() {
		this.stack.compose(Duration.ofMinutes(2), "stop", "clickstream-producer");

		// Only click events of the counted names: the dead-letter test put others on the topic.
		ClickEventReader reader = new ClickEventReader(4096);
		Map<String, Long> onTheTopic = new TreeMap<>();
		for (ConsumerRecord<String, String> record : TopicReader.readAll(BOOTSTRAP, Topics.EVENTS)) {
			try {
				String name = reader.eventName(record.value().getBytes(StandardCharsets.UTF_8));
				if (COUNTED.contains(name)) {
					onTheTopic.merge(name, 1L, Long::sum);
				}
			}
			catch (InvalidClickEventException notAClickEvent) {
				// dead-lettered, not counted
			}
		}
		assertThat(onTheTopic).isNotEmpty();
		CountsAssertions.awaitExactTotals(BOOTSTRAP, onTheTopic);
	}

	@Test
	@Order(8)
	void downWithVolumesLeavesNoVolumeBehind() {
		assertThat(volumesAddedByTheStack()).as("volumes of the running stack").isNotEmpty();

		this.stack.compose(Duration.ofMinutes(2), "down", "-v");

		assertThat(volumesAddedByTheStack()).isEmpty();
	}

	private Set<String> volumesAddedByTheStack() {
		Set<String> added = new TreeSet<>(this.stack.volumes());
		added.removeAll(this.volumesBefore);
		return added;
	}

	private void awaitHealthy() {
		await("all services healthy").atMost(HEALTHY_WITHIN)
			.pollInterval(Duration.ofSeconds(2))
			.until(() -> SERVICES.stream().allMatch(this.stack::healthy));
	}

	private Map<String, Long> counts() {
		String body = this.stack.run(List.of("curl", "-fsS", "http://127.0.0.1:8081/api/counts"), Duration.ofSeconds(10));
		return Snapshots.counts(body);
	}

	private static long total(Map<String, Long> counts) {
		return counts.values().stream().mapToLong(Long::longValue).sum();
	}

	private static void assertCountsNotBelow(Map<String, Long> now, Map<String, Long> before) {
		before.forEach((name, count) -> assertThat(now.get(name)).as("%s, %s before", name, count)
			.isGreaterThanOrEqualTo(count));
		assertThat(total(before)).as("counted something before").isPositive();
	}

	/** The command of the README line {@code $ kcat …} that contains the fragment. */
	private static String readmeCommand(List<String> readme, String fragment) {
		return readme.stream()
			.filter(line -> line.startsWith("$ kcat ") && line.contains(fragment))
			.map(line -> line.substring(2))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("README shows no '$ kcat' line with " + fragment));
	}

}
