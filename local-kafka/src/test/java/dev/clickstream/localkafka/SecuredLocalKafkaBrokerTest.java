package dev.clickstream.localkafka;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** One secured broker for the class: each test uses topics and ids of its own, as the services would. */
class SecuredLocalKafkaBrokerTest {

	@TempDir
	static Path dataDir;

	private static LocalKafkaSettings settings;

	private static LocalKafkaBroker broker;

	private static SecuredFiles files;

	private static SecuredCredentials credentials;

	@BeforeAll
	static void startSecuredBroker() throws IOException {
		settings = LocalKafkaSettings.parse("--port=" + freePort(), "--controller-port=" + freePort(),
				"--data-dir=" + dataDir, "--security=sasl-ssl");
		broker = new LocalKafkaBroker(settings);
		broker.start();
		files = SecuredFiles.in(settings.dataDir());
		credentials = SecuredCredentials.load(files);
		try (Admin producerAdmin = Admin.create(config(SecuredAcls.CLICKSTREAM_PRODUCER))) {
			// as the producer's TopicCreator declares them at startup
			producerAdmin.createTopics(List.of(new NewTopic(SecuredAcls.EVENTS, 3, (short) 1),
					new NewTopic(SecuredAcls.UNIQUE_EVENTS, 1, (short) 1)))
				.all()
				.get();
		}
		catch (InterruptedException | ExecutionException ex) {
			throw new IllegalStateException("the producer could not create its topics", ex);
		}
	}

	@AfterAll
	static void stopBroker() {
		broker.close();
	}

	@Test
	void producerWritesTheEventTopic() throws Exception {
		try (KafkaProducer<String, String> producer = producer(config(SecuredAcls.CLICKSTREAM_PRODUCER))) {
			assertThat(producer.send(new ProducerRecord<>(SecuredAcls.EVENTS, "user", "click")).get().offset())
				.isNotNegative();
		}
	}

	@Test
	void producerCannotWriteTheSnapshotTopic() {
		try (KafkaProducer<String, String> producer = producer(config(SecuredAcls.CLICKSTREAM_PRODUCER))) {
			assertThatThrownBy(() -> producer.send(new ProducerRecord<>(SecuredAcls.UNIQUE_EVENTS, "k", "v")).get())
				.hasCauseInstanceOf(TopicAuthorizationException.class);
		}
	}

	@Test
	void plaintextClientGetsNoMetadata() {
		Map<String, Object> plaintext = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
				AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
				3_000);
		try (Admin admin = Admin.create(plaintext)) {
			assertThatThrownBy(() -> admin.describeTopics(List.of(SecuredAcls.EVENTS)).allTopicNames().get())
				.hasCauseInstanceOf(TimeoutException.class);
		}
	}

	@Test
	void wrongPasswordFailsTheLogin() {
		Map<String, Object> config = config(SecuredAcls.CLICKSTREAM_PRODUCER);
		config.put(SaslConfigs.SASL_JAAS_CONFIG, jaas(SecuredAcls.CLICKSTREAM_PRODUCER, "not-the-password"));
		try (Admin admin = Admin.create(config)) {
			assertThatThrownBy(() -> admin.describeCluster().nodes().get())
				.hasCauseInstanceOf(SaslAuthenticationException.class);
		}
	}

	@Test
	void listenerReadsEventsInItsGroupAndCommitsOffsetsInItsTransactions() throws Exception {
		String changelog = "event-counts-changelog";
		try (Admin listenerAdmin = Admin.create(config(SecuredAcls.EVENT_LISTENER))) {
			listenerAdmin.createTopics(List.of(new NewTopic(changelog, 3, (short) 1))).all().get();
		}
		try (KafkaProducer<String, String> producer = producer(config(SecuredAcls.CLICKSTREAM_PRODUCER))) {
			producer.send(new ProducerRecord<>(SecuredAcls.EVENTS, 0, "user", "for-the-listener")).get();
		}

		Map<String, Object> consumerConfig = config(SecuredAcls.EVENT_LISTENER);
		consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "event-listener");
		consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		Map<String, Object> producerConfig = config(SecuredAcls.EVENT_LISTENER);
		producerConfig.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "event-listener-test-0");
		try (KafkaConsumer<String, String> consumer = consumer(consumerConfig);
				KafkaProducer<String, String> producer = producer(producerConfig)) {
			consumer.subscribe(List.of(SecuredAcls.EVENTS));
			List<ConsumerRecord<String, String>> read = new ArrayList<>();
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(read::add);
				assertThat(read).extracting(ConsumerRecord::value).contains("for-the-listener");
			});
			ConsumerRecord<String, String> last = read.get(read.size() - 1);
			TopicPartition partition = new TopicPartition(last.topic(), last.partition());

			producer.initTransactions();
			producer.beginTransaction();
			producer.send(new ProducerRecord<>(changelog, last.partition(), "state", "counted"));
			producer.sendOffsetsToTransaction(Map.of(partition, new OffsetAndMetadata(last.offset() + 1)),
					consumer.groupMetadata());
			producer.commitTransaction();

			assertThat(consumer.committed(Set.of(partition)).get(partition).offset()).isEqualTo(last.offset() + 1);
		}
	}

	@Test
	void listenerCannotUseAnotherGroupOrTransactionalId() {
		Map<String, Object> consumerConfig = config(SecuredAcls.EVENT_LISTENER);
		consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "someone-else");
		try (KafkaConsumer<String, String> consumer = consumer(consumerConfig)) {
			consumer.subscribe(List.of(SecuredAcls.EVENTS));
			assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(10)))
				.isInstanceOf(GroupAuthorizationException.class);
		}
		Map<String, Object> producerConfig = config(SecuredAcls.EVENT_LISTENER);
		producerConfig.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "clickstream-producer-0");
		try (KafkaProducer<String, String> producer = producer(producerConfig)) {
			assertThatThrownBy(producer::initTransactions).isInstanceOf(TransactionalIdAuthorizationException.class);
		}
	}

	@Test
	void listenerReadsWhatTheDashboardShowsOfTheTopics() throws Exception {
		try (Admin admin = Admin.create(config(SecuredAcls.EVENT_LISTENER))) {
			TopicPartition partition = new TopicPartition(SecuredAcls.EVENTS, 0);
			assertThat(admin.listOffsets(Map.of(partition, OffsetSpec.latest())).all().get()).containsKey(partition);
			List<Integer> brokers = admin.describeCluster().nodes().get().stream().map(Node::id).toList();
			assertThat(admin.describeLogDirs(brokers).allDescriptions().get()).hasSize(1);
			Map<String, ListConsumerGroupOffsetsSpec> groups = new HashMap<>();
			SecuredAcls.LISTENER_GROUPS.forEach(group -> groups.put(group, new ListConsumerGroupOffsetsSpec()));
			assertThat(admin.listConsumerGroupOffsets(groups).all().get()).containsOnlyKeys(groups.keySet());
		}
	}

	@Test
	void aPemTruststoreWorksAsWellAsThePkcs12One() throws Exception {
		Map<String, Object> config = config(SecuredAcls.EVENT_LISTENER);
		config.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PEM");
		config.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, files.caPem().toString());
		config.remove(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG);
		try (Admin admin = Admin.create(config)) {
			assertThat(admin.describeTopics(List.of(SecuredAcls.EVENTS)).allTopicNames().get())
				.containsKey(SecuredAcls.EVENTS);
		}
	}

	@Test
	void credentialsAreForTheOwnerOnly() throws IOException {
		assertThat(Files.readString(files.credentials())).contains(
				SecuredCredentials.TRUSTSTORE + "=" + files.truststore(),
				"CLICKSTREAM_PRODUCER_KAFKA_USERNAME=clickstream-producer",
				"EVENT_LISTENER_KAFKA_PASSWORD=" + credentials.password(SecuredAcls.EVENT_LISTENER));
		if (Files.getFileStore(files.dir()).supportsFileAttributeView("posix")) {
			for (Path secret : List.of(files.credentials(), files.brokerKeystore(), files.adminProperties(),
					files.adminKcatConfig(), broker.serverPropertiesFile())) {
				assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).as("%s", secret)
					.isEqualTo("rw-------");
			}
		}
		assertThat(files.dir().resolve("ca.p12")).as("the CA's private key").doesNotExist();
	}

	private static Map<String, Object> config(String user) {
		Map<String, Object> config = new HashMap<>();
		config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
		config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL");
		config.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
		config.put(SaslConfigs.SASL_JAAS_CONFIG, jaas(user, credentials.password(user)));
		config.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PKCS12");
		config.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, files.truststore().toString());
		config.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, credentials.truststorePassword());
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
		return config;
	}

	private static String jaas(String user, String password) {
		return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
				+ "\" password=\"" + password + "\";";
	}

	private static KafkaProducer<String, String> producer(Map<String, Object> config) {
		return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
	}

	private static KafkaConsumer<String, String> consumer(Map<String, Object> config) {
		return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress("127.0.0.1", 0));
			return socket.getLocalPort();
		}
	}

}
