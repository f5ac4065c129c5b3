package dev.clickstream.localkafka;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A data dir keeps its passwords and certificates across restarts, and the mode it was formatted in. */
class SecuredDataDirTest {

	@TempDir
	Path dataDir;

	@Test
	void restartKeepsTheUsersAndTheirPasswords() throws Exception {
		LocalKafkaSettings settings = settings("--security=sasl-ssl");
		try (LocalKafkaBroker first = new LocalKafkaBroker(settings)) {
			first.start();
		}
		SecuredFiles files = SecuredFiles.in(settings.dataDir());
		SecuredCredentials before = SecuredCredentials.load(files);

		try (LocalKafkaBroker again = new LocalKafkaBroker(settings)) {
			again.start();
			assertThat(SecuredCredentials.load(files)).usingRecursiveComparison().isEqualTo(before);
			Map<String, Object> config = new HashMap<>();
			config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
			config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL");
			config.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
			config.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required "
					+ "username=\"event-listener\" password=\"" + before.password(SecuredAcls.EVENT_LISTENER) + "\";");
			config.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, files.truststore().toString());
			config.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, before.truststorePassword());
			try (Admin admin = Admin.create(config)) {
				assertThat(admin.describeCluster().nodes().get()).hasSize(1);
			}
		}
	}

	@Test
	void securedDataDirIsNotStartedInPlaintext() throws Exception {
		try (LocalKafkaBroker secured = new LocalKafkaBroker(settings("--security=sasl-ssl"))) {
			secured.start();
		}

		LocalKafkaBroker plaintext = new LocalKafkaBroker(settings());
		assertThatThrownBy(plaintext::start).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("was formatted with --security=sasl-ssl");
	}

	@Test
	void plaintextDataDirIsNotStartedSecured() throws Exception {
		try (LocalKafkaBroker plaintext = new LocalKafkaBroker(settings())) {
			plaintext.start();
		}

		LocalKafkaBroker secured = new LocalKafkaBroker(settings("--security=sasl-ssl"));
		assertThatThrownBy(secured::start).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("was formatted without --security=sasl-ssl");
	}

	private LocalKafkaSettings settings(String... extra) throws IOException {
		String[] args = new String[extra.length + 3];
		args[0] = "--port=" + freePort();
		args[1] = "--controller-port=" + freePort();
		args[2] = "--data-dir=" + dataDir;
		System.arraycopy(extra, 0, args, 3, extra.length);
		return LocalKafkaSettings.parse(args);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress("127.0.0.1", 0));
			return socket.getLocalPort();
		}
	}

}
