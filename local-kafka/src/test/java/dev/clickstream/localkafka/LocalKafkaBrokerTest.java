package dev.clickstream.localkafka;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class LocalKafkaBrokerTest {

	private static final String TOPIC = "round-trip";

	@TempDir
	Path dataDir;

	private final List<LocalKafkaBroker> brokers = new ArrayList<>();

	@AfterEach
	void stopBrokers() {
		brokers.forEach(LocalKafkaBroker::close);
	}

	@Test
	void readCommittedConsumerSeesCommittedTransactionsOnly() throws Exception {
		LocalKafkaSettings settings = settings();
		start(settings);
		createTopic(settings);

		try (KafkaProducer<String, String> producer = transactionalProducer(settings)) {
			producer.initTransactions();
			producer.beginTransaction();
			producer.send(new ProducerRecord<>(TOPIC, "k", "aborted"));
			producer.flush();
			producer.abortTransaction();
			producer.beginTransaction();
			producer.send(new ProducerRecord<>(TOPIC, "k", "committed-1"));
			producer.send(new ProducerRecord<>(TOPIC, "k", "committed-2"));
			producer.commitTransaction();
		}

		assertThat(readCommitted(settings)).containsExactly("committed-1", "committed-2");
	}

	@Test
	void keepsTopicsAndRecordsWhenStartedAgainOnTheSameDataDir() throws Exception {
		LocalKafkaSettings settings = settings();
		LocalKafkaBroker first = start(settings);
		createTopic(settings);
		try (KafkaProducer<String, String> producer = transactionalProducer(settings)) {
			producer.initTransactions();
			producer.beginTransaction();
			producer.send(new ProducerRecord<>(TOPIC, "k", "before-restart"));
			producer.commitTransaction();
		}
		first.close();

		start(settings);

		try (Admin admin = admin(settings)) {
			assertThat(admin.listTopics().names().get()).contains(TOPIC);
		}
		assertThat(readCommitted(settings)).containsExactly("before-restart");
	}

	private LocalKafkaSettings settings() throws IOException {
		return LocalKafkaSettings.parse("--port=" + freePort(), "--controller-port=" + freePort(),
				"--data-dir=" + dataDir);
	}

	private LocalKafkaBroker start(LocalKafkaSettings settings) {
		LocalKafkaBroker broker = new LocalKafkaBroker(settings);
		brokers.add(broker);
		broker.start();
		return broker;
	}

	private static void createTopic(LocalKafkaSettings settings) throws Exception {
		try (Admin admin = admin(settings)) {
			admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
		}
	}

	private static Admin admin(LocalKafkaSettings settings) {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers()));
	}

	private static KafkaProducer<String, String> transactionalProducer(LocalKafkaSettings settings) {
		return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
				ProducerConfig.TRANSACTIONAL_ID_CONFIG, "local-kafka-test"), new StringSerializer(),
				new StringSerializer());
	}

	/** Reads the whole partition up to the last stable offset. */
	private static List<String> readCommitted(LocalKafkaSettings settings) {
		TopicPartition partition = new TopicPartition(TOPIC, 0);
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
						ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
				new StringDeserializer(), new StringDeserializer())) {
			consumer.assign(Set.of(partition));
			consumer.seekToBeginning(Set.of(partition));
			long end = consumer.endOffsets(Set.of(partition)).get(partition);
			List<String> values = new ArrayList<>();
			while (consumer.position(partition) < end) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
					values.add(record.value());
				}
			}
			return values;
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress("127.0.0.1", 0));
			return socket.getLocalPort();
		}
	}

}
