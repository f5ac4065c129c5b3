package dev.clickstream.localkafka;

import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code --security=sasl-ssl} changes: clients connect over TLS to the {@code SASL_SSL} listener and log in with
 * SCRAM-SHA-512, each user allowed only its {@link SecuredAcls}. The broker logs in to its own listener as the admin
 * (the transaction coordinator writes commit markers through it), and to its controller listener with its
 * certificate, which that listener requires: no password there, and nobody without the broker's key gets in.
 */
final class SecuredMode {

	private static final Logger log = LoggerFactory.getLogger(SecuredMode.class);

	static final String MECHANISM = "SCRAM-SHA-512";

	static final String CLIENT_LISTENER = "SASL_SSL";

	private static final long ACL_TIMEOUT_SECONDS = 30;

	private final SecuredFiles files;

	private final SecuredCredentials credentials;

	private SecuredMode(SecuredFiles files, SecuredCredentials credentials) {
		this.files = files;
		this.credentials = credentials;
	}

	/**
	 * New passwords, CA and certificates for a data dir about to be formatted; those it was formatted with otherwise.
	 * @throws IllegalStateException if the data dir was formatted without them
	 */
	static SecuredMode prepare(LocalKafkaSettings settings, boolean formatted) {
		SecuredFiles files = SecuredFiles.in(settings.dataDir());
		if (formatted) {
			try {
				return new SecuredMode(files, SecuredCredentials.load(files));
			}
			catch (IllegalStateException ex) {
				throw new IllegalStateException(settings.dataDir() + " was formatted without --security=sasl-ssl, or "
						+ "its secured/ files are gone (" + ex.getMessage() + "); its users cannot log in. Use "
						+ "another --data-dir for the secured broker", ex);
			}
		}
		PrivateFiles.createDirectory(files.dir());
		SecuredCredentials credentials = SecuredCredentials.generate();
		new BrokerCertificates(files, credentials).generate();
		credentials.write(files);
		SecuredMode mode = new SecuredMode(files, credentials);
		mode.writeAdminClientFiles();
		log.info("Generated a throw-away CA, the broker's certificate and passwords for {} in {}",
				SecuredAcls.USERS, files.dir());
		return mode;
	}

	/** Whether a data dir holds the files of a secured broker. */
	static boolean isSecured(LocalKafkaSettings settings) {
		return Files.exists(SecuredFiles.in(settings.dataDir()).credentials());
	}

	/** The listeners and what they require, in place of the plaintext ones. */
	Map<String, String> serverProperties(LocalKafkaSettings settings) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("listeners", CLIENT_LISTENER + "://" + settings.bootstrapServers() + ",CONTROLLER://"
				+ settings.controllerEndpoint());
		properties.put("advertised.listeners", CLIENT_LISTENER + "://" + settings.bootstrapServers());
		properties.put("controller.listener.names", "CONTROLLER");
		properties.put("inter.broker.listener.name", CLIENT_LISTENER);
		properties.put("listener.security.protocol.map", "CONTROLLER:SSL," + CLIENT_LISTENER + ":SASL_SSL");
		properties.put("sasl.enabled.mechanisms", MECHANISM);
		properties.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
		// Both the server side of the listener (SCRAM checks against the credentials in the metadata log) and the
		// broker's own login when it connects to it.
		properties.put("listener.name." + CLIENT_LISTENER.toLowerCase(Locale.ROOT) + "." + MECHANISM.toLowerCase(Locale.ROOT)
				+ ".sasl.jaas.config", jaasConfig(SecuredAcls.ADMIN));
		properties.put("listener.name.controller.ssl.client.auth", "required");
		properties.put("ssl.keystore.type", "PKCS12");
		properties.put("ssl.keystore.location", files.brokerKeystore().toString());
		properties.put("ssl.keystore.password", credentials.keystorePassword());
		properties.put("ssl.truststore.type", "PKCS12");
		properties.put("ssl.truststore.location", files.truststore().toString());
		properties.put("ssl.truststore.password", credentials.truststorePassword());
		properties.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
		properties.put("super.users", "User:" + SecuredAcls.ADMIN + ";User:" + BrokerCertificates.BROKER_NAME);
		// the default, written out: a resource nobody was granted is denied, not open to all
		properties.put("allow.everyone.if.no.acl.found", "false");
		return properties;
	}

	/** The SCRAM users, with their passwords, for StorageTool's {@code format}. */
	List<String> formatArguments() {
		return SecuredAcls.USERS.stream()
			.flatMap(user -> List.of("--add-scram",
					MECHANISM + "=[name=" + user + ",password=" + credentials.password(user) + "]")
				.stream())
			.toList();
	}

	/** An admin client's login and trust, without its bootstrap servers. */
	Map<String, Object> adminClientConfig() {
		Map<String, Object> config = new LinkedHashMap<>();
		config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL");
		config.put(SaslConfigs.SASL_MECHANISM, MECHANISM);
		config.put(SaslConfigs.SASL_JAAS_CONFIG, jaasConfig(SecuredAcls.ADMIN));
		config.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PKCS12");
		config.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, files.truststore().toString());
		config.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, credentials.truststorePassword());
		return config;
	}

	/** Grants every {@link SecuredAcls} binding; those there already stay as they are. */
	void applyAcls(Admin admin) {
		try {
			admin.createAcls(SecuredAcls.bindings()).all().get(ACL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("could not create the ACLs as " + SecuredAcls.ADMIN, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while creating the ACLs", ex);
		}
	}

	void logWhereClientsFindTheirFiles(LocalKafkaSettings settings) {
		log.info("Secured: clients connect over SASL_SSL with {} to {}, each user with its own ACLs ({} bindings for "
				+ "User:{} and User:{}); truststore {} (PKCS12), CA certificate {} (PEM), users and passwords {}, "
				+ "admin client config {} (Kafka CLI --command-config) and {} (kcat -F)", MECHANISM,
				settings.bootstrapServers(), SecuredAcls.bindings().size(), SecuredAcls.CLICKSTREAM_PRODUCER,
				SecuredAcls.EVENT_LISTENER, files.truststore(), files.caPem(), files.credentials(),
				files.adminProperties(), files.adminKcatConfig());
	}

	private String jaasConfig(String user) {
		return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
				+ "\" password=\"" + credentials.password(user) + "\";";
	}

	private void writeAdminClientFiles() {
		PrivateFiles.write(files.adminProperties(), """
				# The admin (super user) of the secured local broker: kafka-topics.sh --bootstrap-server 127.0.0.1:9092 \\
				#   --command-config %s --list
				security.protocol=SASL_SSL
				sasl.mechanism=%s
				sasl.jaas.config=%s
				ssl.truststore.type=PKCS12
				ssl.truststore.location=%s
				ssl.truststore.password=%s
				""".formatted(files.adminProperties(), MECHANISM, jaasConfig(SecuredAcls.ADMIN), files.truststore(),
				credentials.truststorePassword()));
		PrivateFiles.write(files.adminKcatConfig(), """
				# The admin (super user) of the secured local broker: kcat -F %s -b 127.0.0.1:9092 -L
				security.protocol=SASL_SSL
				sasl.mechanisms=%s
				sasl.username=%s
				sasl.password=%s
				ssl.ca.location=%s
				""".formatted(files.adminKcatConfig(), MECHANISM, SecuredAcls.ADMIN,
				credentials.password(SecuredAcls.ADMIN), files.caPem()));
	}

}
