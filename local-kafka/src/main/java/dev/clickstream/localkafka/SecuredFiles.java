package dev.clickstream.localkafka;

import java.nio.file.Path;

/**
 * Where a secured broker keeps what its clients need, in {@code <data-dir>/secured/}: generated when the data dir is
 * formatted, kept with it.
 *
 * @param dir the directory, readable by its owner only
 */
record SecuredFiles(Path dir) {

	static SecuredFiles in(Path dataDir) {
		return new SecuredFiles(dataDir.resolve("secured"));
	}

	/** The broker's key and its certificate, signed by the throw-away CA (PKCS12). */
	Path brokerKeystore() {
		return dir.resolve("broker.keystore.p12");
	}

	/** The CA certificate as a PKCS12 truststore, for Java clients and {@code spring.ssl.bundle.jks}. */
	Path truststore() {
		return dir.resolve("truststore.p12");
	}

	/** The same CA certificate in PEM, for {@code spring.ssl.bundle.pem}, kcat and other non-Java clients. */
	Path caPem() {
		return dir.resolve("ca.pem");
	}

	/** Every password and path as {@code KEY=value} lines; see {@link SecuredCredentials}. */
	Path credentials() {
		return dir.resolve("credentials.env");
	}

	/** The admin's client configuration, for the Kafka CLI tools' {@code --command-config}. */
	Path adminProperties() {
		return dir.resolve("admin.properties");
	}

	/** The admin's client configuration, for {@code kcat -F}. */
	Path adminKcatConfig() {
		return dir.resolve("admin-kcat.conf");
	}

}
