package dev.clickstream.systemtest.harness;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The executable jars under test and the JVM flags the services ship with; the build passes their paths as system
 * properties (see system-tests/pom.xml).
 */
public final class BuiltJars {

	private BuiltJars() {
	}

	public static Path localKafka() {
		return file("systemtest.local-kafka.jar");
	}

	public static Path clickstreamProducer() {
		return file("systemtest.clickstream-producer.jar");
	}

	public static Path eventListener() {
		return file("systemtest.event-listener.jar");
	}

	/** The argument file of the services' JVM flags, as run-local.sh and the Docker images use it. */
	public static Path serviceJvmOptions() {
		return file("systemtest.service-jvm-options");
	}

	private static Path file(String property) {
		String value = System.getProperty(property);
		if (value == null) {
			throw new IllegalStateException("system property " + property + " is not set; run the system tests "
					+ "with ./mvnw verify, which sets it");
		}
		Path file = Path.of(value).toAbsolutePath().normalize();
		if (!Files.isRegularFile(file)) {
			throw new IllegalStateException(file + " does not exist; build it first (./mvnw -DskipTests package)");
		}
		return file;
	}

}
