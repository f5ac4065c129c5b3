package dev.clickstream.localkafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away CA and the broker's certificate signed by it, made with the JDK's own {@code keytool}, so nothing is
 * downloaded and no openssl is needed. The CA's private key is deleted once it has signed: no other certificate can
 * ever be trusted by the truststore. The broker's certificate names {@code 127.0.0.1} and {@code localhost}, the
 * addresses clients verify, and serves as its client certificate towards its own controller listener too.
 */
final class BrokerCertificates {

	/** The broker's distinguished name, and so its principal on the controller listener: {@code User:CN=…}. */
	static final String BROKER_NAME = "CN=local-kafka-broker";

	private static final String VALIDITY_DAYS = "3650";

	private static final long KEYTOOL_TIMEOUT_SECONDS = 60;

	// keytool reads the passwords from these variables (-storepass:env), not from its command line, which others see.
	private static final String CA_PASSWORD_VARIABLE = "LOCAL_KAFKA_CA_PASSWORD";

	private static final String KEYSTORE_PASSWORD_VARIABLE = "LOCAL_KAFKA_KEYSTORE_PASSWORD";

	private static final String TRUSTSTORE_PASSWORD_VARIABLE = "LOCAL_KAFKA_TRUSTSTORE_PASSWORD";

	private final Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");

	private final SecuredFiles files;

	private final Map<String, String> passwords;

	BrokerCertificates(SecuredFiles files, SecuredCredentials credentials) {
		this.files = files;
		// The CA's own password lives only as long as its key does, during generate().
		byte[] caPassword = new byte[24];
		new SecureRandom().nextBytes(caPassword);
		this.passwords = Map.of(CA_PASSWORD_VARIABLE, Base64.getEncoder().encodeToString(caPassword),
				KEYSTORE_PASSWORD_VARIABLE,
				credentials.keystorePassword(), TRUSTSTORE_PASSWORD_VARIABLE, credentials.truststorePassword());
	}

	/** Writes the broker keystore, the truststore and the CA's PEM into the secured directory, replacing any. */
	void generate() {
		Path caKeystore = files.dir().resolve("ca.p12");
		Path request = files.dir().resolve("broker.csr");
		Path signed = files.dir().resolve("broker.pem");
		try {
			for (Path file : List.of(caKeystore, request, signed, files.brokerKeystore(), files.truststore(),
					files.caPem())) {
				Files.deleteIfExists(file);
			}
			keytool("-genkeypair", "-alias", "ca", "-dname", "CN=local-kafka throw-away CA", "-ext", "bc:c",
					"-keyalg", "EC", "-groupname", "secp256r1", "-validity", VALIDITY_DAYS, "-storetype", "PKCS12",
					"-keystore", caKeystore.toString(), "-storepass:env", CA_PASSWORD_VARIABLE);
			keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", caKeystore.toString(), "-storepass:env",
					CA_PASSWORD_VARIABLE, "-file", files.caPem().toString());
			keytool("-genkeypair", "-alias", "broker", "-dname", BROKER_NAME, "-keyalg", "EC", "-groupname",
					"secp256r1", "-validity", VALIDITY_DAYS, "-storetype", "PKCS12", "-keystore",
					files.brokerKeystore().toString(), "-storepass:env", KEYSTORE_PASSWORD_VARIABLE);
			PrivateFiles.restrict(files.brokerKeystore());
			keytool("-certreq", "-alias", "broker", "-keystore", files.brokerKeystore().toString(), "-storepass:env",
					KEYSTORE_PASSWORD_VARIABLE, "-file", request.toString());
			keytool("-gencert", "-rfc", "-alias", "ca", "-keystore", caKeystore.toString(), "-storepass:env",
					CA_PASSWORD_VARIABLE, "-infile", request.toString(), "-outfile", signed.toString(), "-validity",
					VALIDITY_DAYS, "-ext", "san=ip:127.0.0.1,dns:localhost", "-ext",
					"ku:c=digitalSignature,keyAgreement", "-ext", "eku=serverAuth,clientAuth");
			// The CA first, so that keytool accepts the signed certificate as a reply and keeps the chain with it.
			keytool("-importcert", "-noprompt", "-alias", "ca", "-file", files.caPem().toString(), "-keystore",
					files.brokerKeystore().toString(), "-storepass:env", KEYSTORE_PASSWORD_VARIABLE);
			keytool("-importcert", "-noprompt", "-alias", "broker", "-file", signed.toString(), "-keystore",
					files.brokerKeystore().toString(), "-storepass:env", KEYSTORE_PASSWORD_VARIABLE);
			keytool("-importcert", "-noprompt", "-alias", "ca", "-file", files.caPem().toString(), "-storetype",
					"PKCS12", "-keystore", files.truststore().toString(), "-storepass:env",
					TRUSTSTORE_PASSWORD_VARIABLE);
			// Not quietly: a CA key left behind could sign certificates the truststore accepts.
			Files.delete(caKeystore);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the certificates into " + files.dir(), ex);
		}
		finally {
			deleteQuietly(caKeystore);
			deleteQuietly(request);
			deleteQuietly(signed);
		}
	}

	private void keytool(String... args) {
		List<String> command = new ArrayList<>();
		command.add(keytool.toString());
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().putAll(passwords);
		try {
			Process process = builder.start();
			// Its output is a few lines at most, so reading it to the end cannot block the process.
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
			if (!process.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("keytool " + args[0] + " did not finish within "
						+ KEYTOOL_TIMEOUT_SECONDS + " s");
			}
			if (process.exitValue() != 0) {
				throw new IllegalStateException(
						"keytool " + args[0] + " failed (" + process.exitValue() + "): " + output);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot run " + keytool, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while running keytool " + args[0], ex);
		}
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// what a failed generation leaves, the next one deletes before it starts
		}
	}

}
