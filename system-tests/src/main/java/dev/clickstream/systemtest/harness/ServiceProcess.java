package dev.clickstream.systemtest.harness;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A Spring Boot jar as its own process: {@code java -jar <jar> --server.port=<free> --spring.kafka.bootstrap-servers=
 * <broker> <args>}. The port is fixed when it is created, so a restarted service answers at the same URL.
 */
public final class ServiceProcess implements AutoCloseable {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

	private static final Duration STOP_GRACE = Duration.ofSeconds(60);

	private final int port = FreePorts.next();

	private final ServiceHttp http;

	private final ManagedProcess process;

	/**
	 * @param name names the log file and the messages, e.g. {@code event-listener-1}
	 * @param jar the Spring Boot jar
	 * @param dir the working directory of the process; its log goes to {@code <dir>/<name>.log}
	 * @param bootstrapServers the broker, e.g. {@link KafkaBrokerProcess#bootstrapServers()}
	 * @param args further arguments, e.g. {@code --clickstream.instance-id=it-1}
	 */
	public ServiceProcess(String name, Path jar, Path dir, String bootstrapServers, List<String> args) {
		this(name, jar, dir, bootstrapServers, args, Map.of(), null);
	}

	/**
	 * @param environment variables the service reads, e.g. the {@code secured} profile's logins
	 * @param credentials the user its HTTP requests log in as (HTTP Basic), or null for none
	 */
	public ServiceProcess(String name, Path jar, Path dir, String bootstrapServers, List<String> args,
			Map<String, String> environment, ServiceHttp.@Nullable Credentials credentials) {
		List<String> all = new ArrayList<>();
		all.add("--server.port=" + port);
		all.add("--spring.kafka.bootstrap-servers=" + bootstrapServers);
		all.addAll(args);
		this.http = new ServiceHttp(port, credentials);
		this.process = new ManagedProcess(name,
				JavaCommand.jar(jar, List.of("@" + BuiltJars.serviceJvmOptions()), all), dir,
				dir.resolve(name + ".log"), environment);
	}

	/** Starts the process and returns once {@code /actuator/health} says UP. */
	public ServiceProcess start() {
		process.startUntil("/actuator/health UP", START_TIMEOUT, Duration.ofMillis(500), this::isUp);
		return this;
	}

	/** Starts the process and returns at once: for a service that is not to come UP. */
	public ServiceProcess launch() {
		process.start();
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

	/** Where its standard output and error go. */
	public Path logFile() {
		return process.logFile();
	}

	/** Its HTTP side, e.g. to ask it with other credentials: {@link ServiceHttp#as}. */
	public ServiceHttp http() {
		return http;
	}

	public URI uri(String path) {
		return http.uri(path);
	}

	/** GET of a path, e.g. {@code /api/counts}; see {@link ServiceHttp#get(String)}. */
	public HttpResponse<String> get(String path) {
		return http.get(path);
	}

	/** GET of a path whose body is JSON. */
	public JsonNode getJson(String path) {
		return http.getJson(path);
	}

	/** A counter's count, summed over its tags; 0 while it is not registered: see {@link ServiceHttp#count}. */
	public double count(String meter) {
		return http.count(meter);
	}

	public boolean isUp() {
		return http.isUp();
	}

	@Override
	public void close() {
		stop();
	}

}
