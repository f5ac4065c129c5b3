package dev.clickstream.systemtest.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The local-kafka jar as its own process. Its ports and data directory are fixed when it is created, so after
 * {@link #kill()} or {@link #stop()} a {@link #start()} brings back the same broker with the same data.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

	private static final Duration STOP_GRACE = Duration.ofSeconds(30);

	private final int port = FreePorts.next();

	private final int controllerPort = FreePorts.next();

	private final ManagedProcess process;

	private Duration lastStartup = Duration.ZERO;

	/**
	 * @param jar the local-kafka jar, usually {@link BuiltJars#localKafka()}
	 * @param dir where its data directory and console log go; a fresh directory gives a fresh broker
	 */
	public KafkaBrokerProcess(Path jar, Path dir) {
		this.process = new ManagedProcess("kafka-broker", JavaCommand.jar(jar, List.of(),
				List.of("--host=127.0.0.1", "--port=" + port, "--controller-port=" + controllerPort,
						"--data-dir=" + dir.resolve("data"), "--log-file=" + dir.resolve("broker.log"))),
				dir, dir.resolve("console.log"));
	}

	/** Starts the process and returns once an AdminClient sees the broker in the cluster. */
	public KafkaBrokerProcess start() {
		long startedAt = System.nanoTime();
		process.startUntil("serves clients on " + bootstrapServers(), START_TIMEOUT, Duration.ofMillis(200),
				() -> FreePorts.accepts(port) && servesClients());
		lastStartup = Duration.ofNanos(System.nanoTime() - startedAt);
		return this;
	}

	/** SIGTERM and waits for a clean shutdown. */
	public void stop() {
		process.stop(STOP_GRACE);
	}

	/** kill -9: the broker loses whatever it had not written to disk. */
	public void kill() {
		process.kill();
	}

	public boolean isAlive() {
		return process.isAlive();
	}

	public long pid() {
		return process.pid();
	}

	public String bootstrapServers() {
		return "127.0.0.1:" + port;
	}

	/** How long the last {@link #start()} took, from launching the JVM to serving clients. */
	public Duration lastStartup() {
		return lastStartup;
	}

	@Override
	public void close() {
		stop();
	}

	private boolean servesClients() {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
				2_000))) {
			return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
		}
		catch (Exception ex) {
			return false;
		}
	}

}
