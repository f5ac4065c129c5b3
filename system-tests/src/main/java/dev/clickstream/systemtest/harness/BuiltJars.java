package dev.clickstream.systemtest.harness;

import java.nio.file.Files;
import java.nio.file.Path;

/** The executable jars under test; the build passes their paths as system properties (see system-tests/pom.xml). */
public final class BuiltJars {

	private BuiltJars() {
	}

	public static Path localKafka() {
		return jar("systemtest.local-kafka.jar");
	}

	public static Path clickstreamProducer() {
		return jar("systemtest.clickstream-producer.jar");
	}

	public static Path eventListener() {
		return jar("systemtest.event-listener.jar");
	}

	private static Path jar(String property) {
		String value = System.getProperty(property);
		if (value == null) {
			throw new IllegalStateException("system property " + property + " is not set; run the system tests "
					+ "with ./mvnw verify, which sets it");
		}
		Path jar = Path.of(value).toAbsolutePath().normalize();
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " does not exist; build it first (./mvnw -DskipTests package)");
		}
		return jar;
	}

}
