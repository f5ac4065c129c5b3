package dev.clickstream.systemtest.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The users and trust of a secured local broker, from the {@code credentials.env} it writes when it formats its data
 * dir (see docs/security.md): what a client, or a service started against it, needs to log in.
 */
public final class BrokerCredentials {

	/** The super user. */
	public static final String ADMIN = "admin";

	public static final String CLICKSTREAM_PRODUCER = "clickstream-producer";

	public static final String EVENT_LISTENER = "event-listener";

	private final Path file;

	private final Map<String, String> values;

	private BrokerCredentials(Path file, Map<String, String> values) {
		this.file = file;
		this.values = Map.copyOf(values);
	}

	/** @throws UncheckedIOException if the broker has not written the file (yet) */
	public static BrokerCredentials read(Path file) {
		Map<String, String> values = new LinkedHashMap<>();
		try {
			for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
				int equals = line.indexOf('=');
				if (!line.startsWith("#") && equals > 0) {
					values.put(line.substring(0, equals), line.substring(equals + 1));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + file, ex);
		}
		return new BrokerCredentials(file, values);
	}

	/** The file itself, {@code KEY=value} lines. */
	public Path file() {
		return file;
	}

	/** The CA certificate as a PKCS12 truststore. */
	public Path truststore() {
		return Path.of(value("KAFKA_TRUSTSTORE"));
	}

	public String truststorePassword() {
		return value("KAFKA_TRUSTSTORE_PASSWORD");
	}

	/** The same CA certificate as PEM. */
	public Path caPem() {
		return Path.of(value("KAFKA_CA_PEM"));
	}

	public String password(String user) {
		return value(user.toUpperCase(Locale.ROOT).replace('-', '_') + "_KAFKA_PASSWORD");
	}

	/** A Kafka client's configuration that logs in as the user. */
	public Map<String, Object> clientConfig(String bootstrapServers, String user) {
		Map<String, Object> config = new HashMap<>();
		config.put("bootstrap.servers", bootstrapServers);
		config.put("security.protocol", "SASL_SSL");
		config.put("sasl.mechanism", "SCRAM-SHA-512");
		config.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
				+ user + "\" password=\"" + password(user) + "\";");
		config.put("ssl.truststore.type", "PKCS12");
		config.put("ssl.truststore.location", truststore().toString());
		config.put("ssl.truststore.password", truststorePassword());
		return config;
	}

	/** What a service started with the {@code secured} profile reads to log in as the user, as run-local.sh sets it. */
	public Map<String, String> serviceEnvironment(String user) {
		return Map.of("KAFKA_USERNAME", user, "KAFKA_PASSWORD", password(user), "KAFKA_TRUSTSTORE",
				truststore().toString(), "KAFKA_TRUSTSTORE_PASSWORD", truststorePassword());
	}

	private String value(String key) {
		String value = values.get(key);
		if (value == null) {
			throw new IllegalStateException(file + " has no " + key);
		}
		return value;
	}

}
