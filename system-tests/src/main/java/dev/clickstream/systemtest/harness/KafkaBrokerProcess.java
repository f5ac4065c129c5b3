package dev.clickstream.systemtest.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.jspecify.annotations.Nullable;

/**
 * The local-kafka jar as its own process. Its ports and data directory are fixed when it is created, so after
 * {@link #kill()} or {@link #stop()} a {@link #start()} brings back the same broker with the same data. A
 * {@link #secured} one takes SASL_SSL logins only; its {@link #credentials()} say who may log in with what.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

	private static final Duration STOP_GRACE = Duration.ofSeconds(30);

	private final int port = FreePorts.next();

	private final int controllerPort = FreePorts.next();

	private final ManagedProcess process;

	// Where a secured broker writes its credentials.env when it formats its data dir; null for a plaintext one.
	private final @Nullable Path credentialsFile;

	private Duration lastStartup = Duration.ZERO;

	/**
	 * A plaintext broker: anyone may do anything.
	 * @param jar the local-kafka jar, usually {@link BuiltJars#localKafka()}
	 * @param dir where its data directory and console log go; a fresh directory gives a fresh broker
	 */
	public KafkaBrokerProcess(Path jar, Path dir) {
		this(jar, dir, false);
	}

	private KafkaBrokerProcess(Path jar, Path dir, boolean secured) {
		Path dataDir = dir.resolve("data");
		List<String> args = new ArrayList<>(List.of("--host=127.0.0.1", "--port=" + port,
				"--controller-port=" + controllerPort, "--data-dir=" + dataDir,
				"--log-file=" + dir.resolve("broker.log")));
		if (secured) {
			args.add("--security=sasl-ssl");
		}
		this.credentialsFile = secured ? dataDir.resolve("secured").resolve("credentials.env") : null;
		this.process = new ManagedProcess("kafka-broker", JavaCommand.jar(jar, List.of(), args), dir,
				dir.resolve("console.log"));
	}

	/**
	 * A broker that takes TLS connections with SCRAM-SHA-512 logins only, each user allowed what its service needs
	 * (local-kafka's SecuredAcls, docs/security.md).
	 * @param jar the local-kafka jar, usually {@link BuiltJars#localKafka()}
	 * @param dir where its data directory and console log go; a fresh directory gives a fresh broker
	 */
	public static KafkaBrokerProcess secured(Path jar, Path dir) {
		return new KafkaBrokerProcess(jar, dir, true);
	}

	/** Starts the process and returns once an AdminClient sees the broker in the cluster. */
	public KafkaBrokerProcess start() {
		long startedAt = System.nanoTime();
		process.startUntil("serves clients on " + bootstrapServers(), START_TIMEOUT, Duration.ofMillis(200),
				() -> FreePorts.accepts(port) && servesClients() && (credentialsFile == null || saidReady()));
		lastStartup = Duration.ofNanos(System.nanoTime() - startedAt);
		return this;
	}

	public boolean isSecured() {
		return credentialsFile != null;
	}

	/**
	 * The users, their passwords and the truststore of a secured broker, once it has started.
	 * @throws IllegalStateException for a plaintext broker
	 */
	public BrokerCredentials credentials() {
		if (credentialsFile == null) {
			throw new IllegalStateException("a plaintext broker has no credentials");
		}
		return BrokerCredentials.read(credentialsFile);
	}

	/** A Kafka client's configuration for this broker: as the user on a secured one, the user ignored otherwise. */
	public Map<String, Object> clientConfig(String user) {
		if (credentialsFile == null) {
			return new HashMap<>(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
		}
		return credentials().clientConfig(bootstrapServers(), user);
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

	// A secured broker grants its ACLs once it serves clients, and says it is ready only after that.
	private boolean saidReady() {
		return process.outputLines().stream().anyMatch(line -> line.contains("Kafka broker ready"));
	}

	private boolean servesClients() {
		if (credentialsFile != null && !Files.exists(credentialsFile)) {
			return false;
		}
		Map<String, Object> config = clientConfig(BrokerCredentials.ADMIN);
		config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000);
		config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000);
		try (Admin admin = Admin.create(config)) {
			return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
		}
		catch (Exception ex) {
			return false;
		}
	}

}
