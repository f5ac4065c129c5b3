package dev.clickstream.systemtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import dev.clickstream.model.MetricNames;
import dev.clickstream.systemtest.harness.BrokerCredentials;
import dev.clickstream.systemtest.harness.BuiltJars;
import dev.clickstream.systemtest.harness.KafkaBrokerProcess;
import dev.clickstream.systemtest.harness.ProcessGroup;
import dev.clickstream.systemtest.harness.ServiceHttp;
import dev.clickstream.systemtest.harness.ServiceHttp.Credentials;
import dev.clickstream.systemtest.harness.ServiceProcess;
import dev.clickstream.systemtest.harness.TopicReader;
import dev.clickstream.systemtest.harness.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Both services with the {@code secured} profile against the secured local broker (SASL_SSL, SCRAM-SHA-512, ACLs),
 * each logged in as its own user, as separate processes: they count exactly; HTTP needs a login but for the probes;
 * a wrong password is one clear report, not a crash loop; no secret shows in a log or an endpoint.
 */
@TestInstance(Lifecycle.PER_CLASS)
class SecuredPipelineIT {

	private static final int EVENTS = 5_000;

	// The worst case for secrets: the services expose no configuration endpoint, and Boot masks no value of them
	// once show-values is on.
	private static final String EXPOSE_CONFIGURATION = "--management.endpoints.web.exposure.include=health,info,"
			+ "metrics,prometheus,env,configprops";

	private static final String SHOW_VALUES = "--management.endpoint.env.show-values=always";

	private static final String SHOW_PROPERTIES = "--management.endpoint.configprops.show-values=always";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Credentials OPERATOR = new Credentials("operator", secret());

	private static final Credentials PROMETHEUS = new Credentials("scraper", secret());

	private final ProcessGroup processes = ProcessGroup.forTest("secured-pipeline");

	private KafkaBrokerProcess broker;

	private ServiceProcess producer;

	private ServiceProcess listener;

	@BeforeAll
	void startTheSecuredPipeline() {
		this.broker = this.processes.startSecuredBroker();
		this.producer = service("clickstream-producer", BuiltJars.clickstreamProducer(),
				BrokerCredentials.CLICKSTREAM_PRODUCER, Map.of(), "--clickstream.generator.rate=1000",
				"--clickstream.generator.limit=" + EVENTS, EXPOSE_CONFIGURATION, SHOW_VALUES, SHOW_PROPERTIES);
		this.listener = listener("event-listener", Map.of(), "--clickstream.instance-id=secured-1",
				EXPOSE_CONFIGURATION, SHOW_VALUES, SHOW_PROPERTIES);
		this.listener.start();
		this.producer.start();
	}

	@AfterAll
	void stop() {
		this.processes.close();
	}

	@Test
	void bothServicesCountEveryEventExactlyOnce() {
		Map<String, Object> admin = this.broker.clientConfig(BrokerCredentials.ADMIN);
		await("all " + EVENTS + " events counted in the newest snapshot").atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofSeconds(2))
			.untilAsserted(() -> {
				List<ConsumerRecord<String, String>> events = TopicReader.readAll(admin, Topics.EVENTS);
				assertThat(events).hasSize(EVENTS);
				JsonNode newest = TopicReader.readLatest(admin, Topics.UNIQUE_EVENTS, 0)
					.map(record -> JSON.readTree(record.value()))
					.orElseThrow(() -> new AssertionError("no snapshot on " + Topics.UNIQUE_EVENTS + " yet"));
				assertThat(PipelineCounts.ofSnapshot(newest)).isEqualTo(PipelineCounts.byEventName(events));
			});
	}

	@Test
	void everyEndpointButTheProbesNeedsALogin() {
		for (ServiceProcess service : List.of(this.listener, this.producer)) {
			ServiceHttp anonymous = service.http().as(null);
			for (String probe : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
				assertThat(anonymous.get(probe).statusCode()).as(probe).isEqualTo(200);
			}
			assertThat(anonymous.get("/actuator/metrics").statusCode()).isEqualTo(401);
			assertThat(anonymous.get("/actuator/prometheus").statusCode()).isEqualTo(401);
			assertThat(anonymous.get("/actuator/env").statusCode()).isEqualTo(401);
			assertThat(service.http().as(OPERATOR).get("/actuator/metrics").statusCode()).isEqualTo(200);
			assertThat(service.http().as(PROMETHEUS).get("/actuator/prometheus").statusCode()).isEqualTo(200);
			assertThat(service.http().as(PROMETHEUS).get("/actuator/metrics").statusCode()).isEqualTo(403);
			assertThat(service.http().as(new Credentials(OPERATOR.username(), "wrong")).get("/actuator/metrics")
				.statusCode()).isEqualTo(401);
		}
		ServiceHttp producerAnonymous = this.producer.http().as(null);
		assertThat(producerAnonymous.patchJson("/api/generator", "{\"rate\":1000}").statusCode()).isEqualTo(401);
		assertThat(this.producer.http().as(OPERATOR).patchJson("/api/generator", "{\"rate\":1000}").statusCode())
			.isEqualTo(200);
		ServiceHttp listenerAnonymous = this.listener.http().as(null);
		assertThat(listenerAnonymous.patchJson("/api/dashboard/generator", "{\"rate\":1000}").statusCode())
			.isEqualTo(401);
		assertThat(listenerAnonymous.get("/api/counts").statusCode()).isEqualTo(401);
		assertThat(this.listener.http().as(OPERATOR).get("/api/counts").statusCode()).isEqualTo(200);
		// The dashboard passes a change on to the producer with the producer's own login.
		assertThat(this.listener.http().as(OPERATOR).patchJson("/api/dashboard/generator", "{\"rate\":1000}")
			.statusCode()).isEqualTo(200);
	}

	@Test
	void theProducersUserMayNotWriteTheSnapshotsAndSaysSoOnceNotPerEvent() {
		ServiceProcess intruder = service("producer-to-snapshots", BuiltJars.clickstreamProducer(),
				BrokerCredentials.CLICKSTREAM_PRODUCER, Map.of(), "--clickstream.generator.rate=500",
				"--clickstream.topics.events.name=" + Topics.UNIQUE_EVENTS);
		long startedAt = System.nanoTime();
		intruder.start();
		await("failed sends counted").atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(intruder.http().as(OPERATOR).count(MetricNames.EVENTS_FAILED))
				.isGreaterThanOrEqualTo(200));
		long reports = lines(intruder.logFile()).filter(line -> line.contains("TopicAuthorizationException")).count();
		long tenSecondIntervals = Duration.ofNanos(System.nanoTime() - startedAt).toSeconds() / 10;
		assertThat(reports).isBetween(1L, tenSecondIntervals + 1);
		intruder.stop();
		Map<String, Object> admin = this.broker.clientConfig(BrokerCredentials.ADMIN);
		assertThat(TopicReader.readAll(admin, Topics.UNIQUE_EVENTS))
			.noneMatch(record -> record.value().contains("\"eventName\""));
	}

	@Test
	void aWrongPasswordIsOneClearReportAndTheServiceStaysUpRetrying() {
		ServiceProcess wrong = listener("listener-wrong-password", Map.of("KAFKA_PASSWORD", "not-the-password"),
				"--clickstream.instance-id=secured-wrong");
		wrong.launch();
		await("the kafka health says why").atMost(Duration.ofMinutes(1))
			.ignoreExceptions()
			.untilAsserted(() -> {
				HttpResponse<String> health = wrong.http().as(OPERATOR).get("/actuator/health");
				assertThat(health.statusCode()).isEqualTo(503);
				assertThat(JSON.readTree(health.body()).path("components").path("kafka").toString())
					.containsIgnoringCase("authentication");
			});
		await("still running and still asking the broker").during(Duration.ofSeconds(10))
			.atMost(Duration.ofSeconds(20))
			.until(wrong::isAlive);
		List<String> log = lines(wrong.logFile()).toList();
		assertThat(log).anyMatch(line -> line.contains("KAFKA_USERNAME") && line.contains("KAFKA_PASSWORD"));
		// Kafka's clients log a failed login on every attempt; the service adds no stack trace to each.
		assertThat(log.stream().filter(line -> line.startsWith("\tat "))).hasSizeLessThan(200);
		wrong.stop();
	}

	@Test
	void noSecretShowsInALogOrAnEndpoint() {
		BrokerCredentials credentials = this.broker.credentials();
		List<String> secrets = List.of(credentials.password(BrokerCredentials.ADMIN),
				credentials.password(BrokerCredentials.CLICKSTREAM_PRODUCER),
				credentials.password(BrokerCredentials.EVENT_LISTENER), credentials.truststorePassword(),
				OPERATOR.password(), PROMETHEUS.password());
		for (ServiceProcess service : List.of(this.listener, this.producer)) {
			for (String endpoint : List.of("/actuator/env", "/actuator/configprops")) {
				HttpResponse<String> answer = service.http().as(OPERATOR).get(endpoint);
				assertThat(answer.statusCode()).as(endpoint).isEqualTo(200);
				assertThat(answer.body()).as(endpoint).doesNotContain(secrets);
			}
		}
		try (Stream<Path> files = Files.walk(this.processes.dir())) {
			// The processes' own logs, not the broker's log segments, which also end in .log.
			List<Path> logs = files.filter(file -> file.toString().endsWith(".log"))
				.filter(file -> !file.toString().contains("kraft-combined-logs"))
				.toList();
			assertThat(logs).hasSizeGreaterThanOrEqualTo(3);
			for (Path log : logs) {
				assertThat(Files.readString(log, StandardCharsets.UTF_8)).as(log.toString()).doesNotContain(secrets);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A listener whose dashboard passes changes on to the pipeline's producer; not yet started. */
	private ServiceProcess listener(String name, Map<String, String> overrides, String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.add("--clickstream.dashboard.producer-url=http://127.0.0.1:" + this.producer.port());
		return service(name, BuiltJars.eventListener(), BrokerCredentials.EVENT_LISTENER, overrides,
				all.toArray(String[]::new));
	}

	/** A service with the profiles {@code local,secured}, logged in to Kafka as {@code user}, not yet started. */
	private ServiceProcess service(String name, Path jar, String user, Map<String, String> overrides,
			String... args) {
		Map<String, String> environment = new HashMap<>(this.broker.credentials().serviceEnvironment(user));
		environment.put("HTTP_OPERATOR_USERNAME", OPERATOR.username());
		environment.put("HTTP_OPERATOR_PASSWORD", OPERATOR.password());
		environment.put("HTTP_PROMETHEUS_USERNAME", PROMETHEUS.username());
		environment.put("HTTP_PROMETHEUS_PASSWORD", PROMETHEUS.password());
		environment.put("PRODUCER_HTTP_USERNAME", OPERATOR.username());
		environment.put("PRODUCER_HTTP_PASSWORD", OPERATOR.password());
		environment.putAll(overrides);
		List<String> all = new ArrayList<>(List.of("--spring.profiles.active=local,secured"));
		all.addAll(List.of(args));
		return this.processes.service(name, jar, this.broker, environment, OPERATOR, all.toArray(String[]::new));
	}

	private static Stream<String> lines(Path file) {
		try {
			return Files.readAllLines(file, StandardCharsets.UTF_8).stream();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String secret() {
		return UUID.randomUUID().toString().replace("-", "");
	}

}
