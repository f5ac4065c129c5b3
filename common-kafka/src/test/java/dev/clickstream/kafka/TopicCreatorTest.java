package dev.clickstream.kafka;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;

class TopicCreatorTest {

	final List<NewTopic> topics = List.of(TopicBuilder.name("clicks").partitions(3).replicas(1).build(),
			TopicBuilder.name("totals").partitions(1).replicas(1).build());

	@Test
	void reportsFailureWhileNoBrokerAnswers() throws IOException {
		assertThat(creator("127.0.0.1:" + closedPort()).createMissing()).isFalse();
	}

	@Test
	void createsMissingTopicsAndAddsMissingPartitions() throws Exception {
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
		broker.afterPropertiesSet();
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
			admin.createTopics(List.of(new NewTopic("clicks", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);

			assertThat(creator(broker.getBrokersAsString()).createMissing()).isTrue();

			assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).containsAll(Set.of("clicks", "totals"));
			assertThat(admin.describeTopics(List.of("clicks"))
				.allTopicNames()
				.get(30, TimeUnit.SECONDS)
				.get("clicks")
				.partitions()).hasSize(3);
		}
		finally {
			broker.destroy();
		}
	}

	TopicCreator creator(String bootstrapServers) {
		return new TopicCreator(new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers)),
				this.topics);
	}

	static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
