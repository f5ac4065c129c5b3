package dev.clickstream.localkafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The passwords of a secured broker, drawn once per data dir, and the file that hands them to its clients:
 * {@code <data-dir>/secured/credentials.env}, {@code KEY=value} lines, no quotes (as Docker's {@code --env-file} and
 * systemd's {@code EnvironmentFile} read them):
 * <pre>
 * KAFKA_TRUSTSTORE=/…/secured/truststore.p12
 * KAFKA_TRUSTSTORE_PASSWORD=…
 * KAFKA_CA_PEM=/…/secured/ca.pem
 * ADMIN_KAFKA_USERNAME=admin
 * ADMIN_KAFKA_PASSWORD=…
 * CLICKSTREAM_PRODUCER_KAFKA_USERNAME=clickstream-producer
 * CLICKSTREAM_PRODUCER_KAFKA_PASSWORD=…
 * EVENT_LISTENER_KAFKA_USERNAME=event-listener
 * EVENT_LISTENER_KAFKA_PASSWORD=…
 * BROKER_KEYSTORE_PASSWORD=…
 * </pre>
 * A service is given its own user's pair as {@code KAFKA_USERNAME} and {@code KAFKA_PASSWORD}, with
 * {@code KAFKA_TRUSTSTORE} and {@code KAFKA_TRUSTSTORE_PASSWORD} as they are.
 *
 * @param keystorePassword of the broker's keystore, which holds its private key
 * @param truststorePassword of the clients' truststore; PKCS12 needs one, though it guards only a public certificate
 * @param passwords each user's SCRAM password, by user name
 */
record SecuredCredentials(String keystorePassword, String truststorePassword, Map<String, String> passwords) {

	static final String TRUSTSTORE = "KAFKA_TRUSTSTORE";

	static final String TRUSTSTORE_PASSWORD = "KAFKA_TRUSTSTORE_PASSWORD";

	static final String CA_PEM = "KAFKA_CA_PEM";

	static final String KEYSTORE_PASSWORD = "BROKER_KEYSTORE_PASSWORD";

	// Letters and digits only: a password goes into StorageTool's [name=…,password=…] and a JAAS line unescaped.
	private static final String PASSWORD_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	private static final int PASSWORD_LENGTH = 32;

	SecuredCredentials {
		passwords = Map.copyOf(passwords);
	}

	static SecuredCredentials generate() {
		SecureRandom random = new SecureRandom();
		Map<String, String> passwords = new LinkedHashMap<>();
		SecuredAcls.USERS.forEach(user -> passwords.put(user, password(random)));
		return new SecuredCredentials(password(random), password(random), passwords);
	}

	/** @throws IllegalStateException if the file is missing or lacks a password */
	static SecuredCredentials load(SecuredFiles files) {
		if (!Files.isRegularFile(files.credentials())) {
			throw new IllegalStateException("no " + files.credentials());
		}
		Map<String, String> values = new LinkedHashMap<>();
		try {
			for (String line : Files.readAllLines(files.credentials(), StandardCharsets.UTF_8)) {
				int equals = line.indexOf('=');
				if (!line.startsWith("#") && equals > 0) {
					values.put(line.substring(0, equals), line.substring(equals + 1));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + files.credentials(), ex);
		}
		Map<String, String> passwords = new LinkedHashMap<>();
		SecuredAcls.USERS.forEach(user -> passwords.put(user, required(values, passwordKey(user), files)));
		return new SecuredCredentials(required(values, KEYSTORE_PASSWORD, files),
				required(values, TRUSTSTORE_PASSWORD, files), passwords);
	}

	void write(SecuredFiles files) {
		StringBuilder content = new StringBuilder("""
				# Written by local-kafka when this data dir was formatted with --security=sasl-ssl; the broker reads it
				# on every start. Keep it private; a service gets its own user's pair as KAFKA_USERNAME/KAFKA_PASSWORD.
				""");
		line(content, TRUSTSTORE, files.truststore().toString());
		line(content, TRUSTSTORE_PASSWORD, truststorePassword);
		line(content, CA_PEM, files.caPem().toString());
		for (String user : SecuredAcls.USERS) {
			line(content, usernameKey(user), user);
			line(content, passwordKey(user), password(user));
		}
		line(content, KEYSTORE_PASSWORD, keystorePassword);
		PrivateFiles.write(files.credentials(), content.toString());
	}

	// Not the record's own: that would print every password wherever one is logged.
	@Override
	public String toString() {
		return "SecuredCredentials[users=" + passwords.keySet() + ", passwords not shown]";
	}

	String password(String user) {
		String password = passwords.get(user);
		if (password == null) {
			throw new IllegalArgumentException("no such user: " + user);
		}
		return password;
	}

	/** {@code event-listener} → {@code EVENT_LISTENER_KAFKA_USERNAME}. */
	static String usernameKey(String user) {
		return keyPrefix(user) + "_KAFKA_USERNAME";
	}

	static String passwordKey(String user) {
		return keyPrefix(user) + "_KAFKA_PASSWORD";
	}

	private static String keyPrefix(String user) {
		return user.toUpperCase(Locale.ROOT).replace('-', '_');
	}

	private static void line(StringBuilder content, String key, String value) {
		content.append(key).append('=').append(value).append('\n');
	}

	private static String required(Map<String, String> values, String key, SecuredFiles files) {
		String value = values.get(key);
		if (value == null || value.isEmpty()) {
			throw new IllegalStateException(files.credentials() + " has no " + key);
		}
		return value;
	}

	private static String password(SecureRandom random) {
		StringBuilder password = new StringBuilder(PASSWORD_LENGTH);
		for (int i = 0; i < PASSWORD_LENGTH; i++) {
			password.append(PASSWORD_CHARACTERS.charAt(random.nextInt(PASSWORD_CHARACTERS.length())));
		}
		return password.toString();
	}

}
