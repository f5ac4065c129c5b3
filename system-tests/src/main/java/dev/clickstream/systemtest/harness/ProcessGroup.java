package dev.clickstream.systemtest.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processes of one test, in their own directory under {@code target/system-tests}. {@link #close()} stops the
 * services first, newest first, then the brokers, so no service waits on a broker that is gone. Use it as
 * {@code @AutoClose ProcessGroup processes = ProcessGroup.forTest("pipeline");}.
 */
public final class ProcessGroup implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(ProcessGroup.class);

	private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

	private final Path dir;

	private final List<ServiceProcess> services = new ArrayList<>();

	private final List<KafkaBrokerProcess> brokers = new ArrayList<>();

	private ProcessGroup(Path dir) {
		this.dir = dir;
	}

	/** A group in a new directory {@code <systemtest.work-dir>/<name>-<time>}. */
	public static ProcessGroup forTest(String name) {
		Path workDir = Path.of(System.getProperty("systemtest.work-dir", "target/system-tests"));
		Path dir = workDir.resolve(name + "-" + LocalDateTime.now().format(RUN_ID)).toAbsolutePath();
		try {
			Files.createDirectories(dir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot create " + dir, ex);
		}
		return new ProcessGroup(dir);
	}

	public Path dir() {
		return dir;
	}

	/** A fresh broker from {@link BuiltJars#localKafka()}, started. */
	public KafkaBrokerProcess startBroker() {
		KafkaBrokerProcess broker = new KafkaBrokerProcess(BuiltJars.localKafka(),
				dir.resolve("kafka-" + (brokers.size() + 1)));
		brokers.add(broker);
		return broker.start();
	}

	/** A fresh secured broker (SASL_SSL, SCRAM-SHA-512, ACLs) from {@link BuiltJars#localKafka()}, started. */
	public KafkaBrokerProcess startSecuredBroker() {
		KafkaBrokerProcess broker = KafkaBrokerProcess.secured(BuiltJars.localKafka(),
				dir.resolve("kafka-" + (brokers.size() + 1)));
		brokers.add(broker);
		return broker.start();
	}

	/** A Spring Boot jar connected to the broker, started; its log is {@code <dir>/<name>.log}. */
	public ServiceProcess startService(String name, Path jar, KafkaBrokerProcess broker, String... args) {
		return start(new ServiceProcess(name, jar, dir, broker.bootstrapServers(), Arrays.asList(args)));
	}

	/** A service not yet started, with its environment and the HTTP user it asks as; {@link #start} starts it. */
	public ServiceProcess service(String name, Path jar, KafkaBrokerProcess broker, Map<String, String> environment,
			ServiceHttp.@Nullable Credentials credentials, String... args) {
		ServiceProcess service = new ServiceProcess(name, jar, dir, broker.bootstrapServers(), Arrays.asList(args),
				environment, credentials);
		services.add(service);
		return service;
	}

	private ServiceProcess start(ServiceProcess service) {
		services.add(service);
		return service.start();
	}

	@Override
	public void close() {
		RuntimeException failure = null;
		for (AutoCloseable process : stopOrder()) {
			try {
				process.close();
			}
			catch (Exception ex) {
				if (failure == null) {
					failure = new IllegalStateException("could not stop every process of " + dir);
				}
				failure.addSuppressed(ex);
			}
		}
		log.info("processes of {} stopped; their logs are there", dir);
		if (failure != null) {
			throw failure;
		}
	}

	private List<AutoCloseable> stopOrder() {
		List<AutoCloseable> order = new ArrayList<>(services);
		Collections.reverse(order);
		order.addAll(brokers);
		return order;
	}

}
