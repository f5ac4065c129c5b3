package dev.clickstream.localkafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.clickstream.localkafka.LocalKafkaSettings.Security;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One combined broker and controller node. {@link #start()} returns once clients can use it.
 *
 * <p>It runs {@link KafkaRaftServer} directly, the server {@code kafka.Kafka.main} builds, rather than calling
 * {@code main}: that one calls {@code System.exit} when done, which would end a test's JVM with it.
 */
final class LocalKafkaBroker implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(LocalKafkaBroker.class);

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

	private final LocalKafkaSettings settings;

	private @Nullable KafkaRaftServer server;

	LocalKafkaBroker(LocalKafkaSettings settings) {
		this.settings = settings;
	}

	Path logDir() {
		return settings.dataDir().resolve("kraft-combined-logs");
	}

	Path serverPropertiesFile() {
		return settings.dataDir().resolve("server.properties");
	}

	synchronized void start() {
		long startedAt = System.nanoTime();
		boolean formatted = Files.exists(logDir().resolve("meta.properties"));
		@Nullable SecuredMode secured = secured(formatted);
		Path propertiesFile = writeServerProperties(secured);
		if (!formatted) {
			format(propertiesFile, secured);
		}
		else {
			log.info("Storage in {} is formatted already", logDir());
		}
		KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(load(propertiesFile)), Time.SYSTEM);
		this.server = server;
		server.startup();
		try (Admin admin = Admin.create(adminConfig(secured))) {
			awaitClientsServed(admin);
			if (secured != null) {
				// Before "ready": a service started then finds its rights in place.
				secured.applyAcls(admin);
				secured.logWhereClientsFindTheirFiles(settings);
			}
		}
		log.info("Kafka broker ready on {} in {} ms (data in {}, log in {})", settings.bootstrapServers(),
				TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt), settings.dataDir(), settings.logFile());
	}

	/** Null for a plaintext broker; a data dir keeps the mode it was formatted in. */
	private @Nullable SecuredMode secured(boolean formatted) {
		if (settings.security() == Security.SASL_SSL) {
			return SecuredMode.prepare(settings, formatted);
		}
		if (formatted && SecuredMode.isSecured(settings)) {
			// Plaintext on it would leave its users' data open to anyone, and its ACLs without effect.
			throw new IllegalStateException(settings.dataDir() + " was formatted with --security=sasl-ssl; start it "
					+ "so, or use another --data-dir for a plaintext broker");
		}
		return null;
	}

	void awaitShutdown() {
		KafkaRaftServer server = this.server;
		if (server != null) {
			server.awaitShutdown();
		}
	}

	@Override
	public synchronized void close() {
		KafkaRaftServer server = this.server;
		if (server == null) {
			return;
		}
		this.server = null;
		log.info("Kafka broker on {} shutting down", settings.bootstrapServers());
		server.shutdown();
		server.awaitShutdown();
		log.info("Kafka broker on {} stopped", settings.bootstrapServers());
	}

	/** Written on every start, so a changed port or setting takes effect; the data stays. */
	private Path writeServerProperties(@Nullable SecuredMode secured) {
		Map<String, String> properties = new LinkedHashMap<>();
		// one node that is both broker and its own KRaft controller: no ZooKeeper, no second process
		properties.put("process.roles", "broker,controller");
		properties.put("node.id", "1");
		properties.put("controller.quorum.bootstrap.servers", settings.controllerEndpoint());
		if (secured != null) {
			properties.putAll(secured.serverProperties(settings));
		}
		else {
			properties.put("listeners", "PLAINTEXT://" + settings.bootstrapServers() + ",CONTROLLER://"
					+ settings.controllerEndpoint());
			properties.put("advertised.listeners", "PLAINTEXT://" + settings.bootstrapServers());
			properties.put("controller.listener.names", "CONTROLLER");
			properties.put("inter.broker.listener.name", "PLAINTEXT");
			properties.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
		}
		properties.put("log.dirs", logDir().toString());
		// one broker: every internal topic can only have one replica, and needs only one in sync
		properties.put("offsets.topic.replication.factor", "1");
		properties.put("transaction.state.log.replication.factor", "1");
		properties.put("transaction.state.log.min.isr", "1");
		properties.put("share.coordinator.state.topic.replication.factor", "1");
		properties.put("share.coordinator.state.topic.min.isr", "1");
		properties.put("default.replication.factor", "1");
		properties.put("min.insync.replicas", "1");
		// fewer partitions for the internal topics than the defaults (50): created faster, plenty for a few groups
		properties.put("offsets.topic.num.partitions", "10");
		properties.put("transaction.state.log.num.partitions", "10");
		properties.put("num.partitions", "3");
		// a consumer group on one machine need not wait for more members before its first assignment
		properties.put("group.initial.rebalance.delay.ms", "0");
		// every topic is declared by the services; a typo in a topic name should fail, not create a topic
		properties.put("auto.create.topics.enable", "false");
		StringBuilder content = new StringBuilder("# Written by local-kafka on every start; edits are overwritten.\n");
		properties.forEach((key, value) -> content.append(key).append('=').append(value).append('\n'));
		Path file = serverPropertiesFile();
		try {
			Files.createDirectories(settings.dataDir());
			if (secured != null) {
				// it holds the keystore's and the admin's passwords
				PrivateFiles.write(file, content.toString());
			}
			else {
				Files.writeString(file, content, StandardCharsets.UTF_8);
			}
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + file, ex);
		}
	}

	/**
	 * The StorageTool's {@code format --standalone}, once: formatting again would fail, or lose the data. A secured
	 * broker's SCRAM users go into the metadata log here, so the broker can check logins before any controller
	 * request, its own included.
	 */
	private void format(Path propertiesFile, @Nullable SecuredMode secured) {
		String clusterId = Uuid.randomUuid().toString();
		List<String> args = new ArrayList<>(List.of("format", "--standalone", "--cluster-id", clusterId, "--config",
				propertiesFile.toString()));
		if (secured != null) {
			args.addAll(secured.formatArguments());
		}
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		int exitCode;
		// execute, not main: main calls System.exit
		try (PrintStream printStream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
			exitCode = StorageTool.execute(args.toArray(String[]::new), printStream);
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("formatting " + logDir() + " failed: " + ex.getMessage() + "\n" + output,
					ex);
		}
		if (exitCode != 0) {
			throw new IllegalStateException("formatting " + logDir() + " failed (" + exitCode + "):\n" + output);
		}
		log.info("Formatted {} for cluster {}: {}", logDir(), clusterId, output.toString(StandardCharsets.UTF_8).trim());
	}

	private Map<String, Object> adminConfig(@Nullable SecuredMode secured) {
		Map<String, Object> config = new HashMap<>(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
				settings.bootstrapServers(), AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
				AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000));
		if (secured != null) {
			config.putAll(secured.adminClientConfig());
		}
		return config;
	}

	/** Until the broker has registered with its controller and answers metadata requests, not just accepts. */
	private void awaitClientsServed(Admin admin) {
		long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
		try {
			while (true) {
				try {
					if (!admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty()) {
						return;
					}
				}
				catch (ExecutionException | TimeoutException ex) {
					if (System.nanoTime() > deadline) {
						throw new IllegalStateException("Kafka broker on " + settings.bootstrapServers()
								+ " did not serve clients within " + READY_TIMEOUT, ex);
					}
				}
				TimeUnit.MILLISECONDS.sleep(100);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for the Kafka broker", ex);
		}
	}

	private static Properties load(Path file) {
		Properties properties = new Properties();
		try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(reader);
			return properties;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + file, ex);
		}
	}

}
