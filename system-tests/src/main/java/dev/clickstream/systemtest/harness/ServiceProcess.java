package dev.clickstream.systemtest.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * A Spring Boot jar as its own process: {@code java -jar <jar> --server.port=<free> --spring.kafka.bootstrap-servers=
 * <broker> <args>}. The port is fixed when it is created, so a restarted service answers at the same URL.
 */
public final class ServiceProcess implements AutoCloseable {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

	private static final Duration STOP_GRACE = Duration.ofSeconds(60);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final int port = FreePorts.next();

	private final ManagedProcess process;

	/**
	 * @param name names the log file and the messages, e.g. {@code event-listener-1}
	 * @param jar the Spring Boot jar
	 * @param dir the working directory of the process; its log goes to {@code <dir>/<name>.log}
	 * @param bootstrapServers the broker, e.g. {@link KafkaBrokerProcess#bootstrapServers()}
	 * @param args further arguments, e.g. {@code --clickstream.instance-id=it-1}
	 */
	public ServiceProcess(String name, Path jar, Path dir, String bootstrapServers, List<String> args) {
		List<String> all = new ArrayList<>();
		all.add("--server.port=" + port);
		all.add("--spring.kafka.bootstrap-servers=" + bootstrapServers);
		all.addAll(args);
		this.process = new ManagedProcess(name, JavaCommand.jar(jar, List.of("@" + BuiltJars.serviceJvmOptions()), all), dir,
				dir.resolve(name + ".log"));
	}

	/** Starts the process and returns once {@code /actuator/health} says UP. */
	public ServiceProcess start() {
		process.start();
		try {
			await(process.name() + " health UP").atMost(START_TIMEOUT)
				.pollInterval(Duration.ofMillis(500))
				.failFast(process.name() + " exited", () -> !process.isAlive())
				.until(this::isUp);
		}
		catch (ConditionTimeoutException | TerminalFailureException ex) {
			throw new IllegalStateException(ex.getMessage() + System.lineSeparator() + process.diagnosis(), ex);
		}
		return this;
	}

	/** SIGTERM: Spring closes its context, so Kafka clients commit or abort and leave their groups. */
	public void stop() {
		process.stop(STOP_GRACE);
	}

	/** kill -9: open transactions stay open until the broker aborts them, the group notices only by timeout. */
	public void kill() {
		process.kill();
	}

	public boolean isAlive() {
		return process.isAlive();
	}

	public int port() {
		return port;
	}

	public URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	/** GET of a path, e.g. {@code /api/counts}. */
	public HttpResponse<String> get(String path) {
		HttpRequest request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(5)).GET().build();
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException("GET " + uri(path) + " failed: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted: GET " + uri(path), ex);
		}
	}

	/** GET of a path whose body is JSON. */
	public JsonNode getJson(String path) {
		HttpResponse<String> response = get(path);
		if (response.statusCode() != 200) {
			throw new IllegalStateException("GET " + uri(path) + " answered " + response.statusCode() + ": "
					+ response.body());
		}
		return JSON.readTree(response.body());
	}

	/** The value of a counter or gauge from {@code /actuator/metrics/<name>}, summed over its tags. */
	public double metric(String name) {
		return getJson("/actuator/metrics/" + name).path("measurements").get(0).path("value").asDouble();
	}

	public boolean isUp() {
		try {
			HttpResponse<String> response = get("/actuator/health");
			return response.statusCode() == 200
					&& "UP".equals(JSON.readTree(response.body()).path("status").asString(""));
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	@Override
	public void close() {
		stop();
	}

}
