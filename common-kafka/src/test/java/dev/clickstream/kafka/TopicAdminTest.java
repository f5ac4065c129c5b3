package dev.clickstream.kafka;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

@ExtendWith(OutputCaptureExtension.class)
class TopicAdminTest {

	static EmbeddedKafkaKraftBroker broker;

	static Admin admin;

	@BeforeAll
	static void startBroker() {
		broker = new EmbeddedKafkaKraftBroker(1, 1);
		broker.afterPropertiesSet();
		admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()));
	}

	@AfterAll
	static void stopBroker() {
		admin.close();
		broker.destroy();
	}

	@Test
	void createsMissingTopicsAndAddsMissingPartitions() throws Exception {
		admin.createTopics(List.of(new NewTopic("narrow", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);

		assertThat(topicAdmin(broker.getBrokersAsString(), TopicBuilder.name("narrow").partitions(3).build(),
				TopicBuilder.name("compacted")
					.partitions(2)
					.config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
					.build())
			.initialize()).isTrue();

		assertThat(partitions("narrow")).isEqualTo(3);
		assertThat(partitions("compacted")).isEqualTo(2);
		ConfigResource compacted = new ConfigResource(ConfigResource.Type.TOPIC, "compacted");
		assertThat(admin.describeConfigs(List.of(compacted))
			.all()
			.get(30, TimeUnit.SECONDS)
			.get(compacted)
			.get(TopicConfig.CLEANUP_POLICY_CONFIG)
			.value()).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
	}

	@Test
	void leavesATopicWithMorePartitionsThanDeclaredAsItIsAndSaysSo(CapturedOutput output) throws Exception {
		admin.createTopics(List.of(new NewTopic("wide", 6, (short) 1))).all().get(30, TimeUnit.SECONDS);

		assertThat(topicAdmin(broker.getBrokersAsString(), TopicBuilder.name("wide").partitions(3).build())
			.initialize()).isTrue();

		assertThat(partitions("wide")).isEqualTo(6);
		assertThat(output).contains("Topic 'wide' exists but has a different partition count: 6 not 3");
	}

	@Test
	void failsWithinItsTimeoutsWithoutAStackTraceWhileNoBrokerAnswers(CapturedOutput output) throws IOException {
		TopicAdmin unreachable = topicAdmin("127.0.0.1:" + closedPort(), TopicBuilder.name("clicks").build());
		long started = System.nanoTime();

		assertThatIllegalStateException().isThrownBy(unreachable::initialize);

		assertThat(Duration.ofNanos(System.nanoTime() - started))
			.isLessThan(Duration.ofSeconds(TopicAdmin.OPERATION_TIMEOUT_SECONDS + TopicAdmin.CLOSE_TIMEOUT_SECONDS + 3));
		assertThat(output).doesNotContain("\tat ");
	}

	static TopicAdmin topicAdmin(String bootstrapServers, NewTopic... topics) {
		return new TopicAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), List.of(topics));
	}

	static int partitions(String topic) throws Exception {
		return admin.describeTopics(List.of(topic))
			.allTopicNames()
			.get(30, TimeUnit.SECONDS)
			.get(topic)
			.partitions()
			.size();
	}

	static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
