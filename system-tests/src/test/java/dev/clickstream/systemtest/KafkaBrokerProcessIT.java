package dev.clickstream.systemtest;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.clickstream.systemtest.harness.KafkaBrokerProcess;
import dev.clickstream.systemtest.harness.ProcessGroup;
import dev.clickstream.systemtest.harness.TopicReader;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The broker process the other system tests stand on: it keeps committed data through kill -9 and a restart. */
class KafkaBrokerProcessIT {

	private static final String TOPIC = "broker-process-it";

	@AutoClose
	ProcessGroup processes = ProcessGroup.forTest("broker-process");

	@Test
	void keepsCommittedTransactionsThroughKillAndRestartOnTheSameData() throws Exception {
		KafkaBrokerProcess broker = processes.startBroker();
		assertThat(broker.lastStartup()).isLessThan(Duration.ofSeconds(60));
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
			admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
		}
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
						ProducerConfig.TRANSACTIONAL_ID_CONFIG, "broker-process-it"),
				new StringSerializer(), new StringSerializer())) {
			producer.initTransactions();
			producer.beginTransaction();
			producer.send(new ProducerRecord<>(TOPIC, "k", "one"));
			producer.send(new ProducerRecord<>(TOPIC, "k", "two"));
			producer.commitTransaction();
		}

		broker.kill();
		assertThat(broker.isAlive()).isFalse();
		broker.start();

		assertThat(TopicReader.readAll(broker.bootstrapServers(), TOPIC)).extracting(ConsumerRecord::value)
			.containsExactly("one", "two");
		assertThat(TopicReader.readLatest(broker.bootstrapServers(), TOPIC, 0)).get()
			.extracting(ConsumerRecord::value)
			.isEqualTo("two");
	}

}
