package dev.clickstream.systemtest;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import dev.clickstream.kafka.ClickstreamTopics;
import dev.clickstream.systemtest.harness.BrokerCredentials;
import dev.clickstream.systemtest.harness.KafkaBrokerProcess;
import dev.clickstream.systemtest.harness.ProcessGroup;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The secured broker process, as a system test of the secured services will use it. */
class SecuredKafkaBrokerProcessIT {

	@AutoClose
	ProcessGroup processes = ProcessGroup.forTest("secured-broker-process");

	@Test
	void servicesUsersLogInWithTheCredentialsItExposesAndPlaintextClientsGetNothing() throws Exception {
		KafkaBrokerProcess broker = processes.startSecuredBroker();
		BrokerCredentials credentials = broker.credentials();
		assertThat(credentials.truststore()).isRegularFile();
		assertThat(credentials.caPem()).content().startsWith("-----BEGIN CERTIFICATE-----");
		assertThat(credentials.serviceEnvironment(BrokerCredentials.EVENT_LISTENER)).containsOnlyKeys(
				"KAFKA_USERNAME", "KAFKA_PASSWORD", "KAFKA_TRUSTSTORE", "KAFKA_TRUSTSTORE_PASSWORD");

		ClickstreamTopics topics = ClickstreamTopics.defaults();
		try (Admin producerAdmin = Admin.create(broker.clientConfig(BrokerCredentials.CLICKSTREAM_PRODUCER))) {
			producerAdmin.createTopics(List.of(topics.eventTopic(), topics.uniqueEventTopic())).all().get();
		}
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				broker.clientConfig(BrokerCredentials.CLICKSTREAM_PRODUCER), new StringSerializer(),
				new StringSerializer())) {
			assertThat(producer.send(new ProducerRecord<>(topics.events().name(), "u", "click")).get().offset())
				.isZero();
			assertThatThrownBy(() -> producer.send(new ProducerRecord<>(topics.uniqueEvents().name(), "k", "v")).get())
				.hasCauseInstanceOf(TopicAuthorizationException.class);
		}

		try (Admin plaintext = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
				broker.bootstrapServers(), AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000,
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000))) {
			assertThatThrownBy(() -> plaintext.listTopics().names().get()).hasCauseInstanceOf(TimeoutException.class);
		}
	}

	@Test
	void listenerMayCreateReadAndWriteEveryTopicItDeclares() throws Exception {
		KafkaBrokerProcess broker = processes.startSecuredBroker();
		ClickstreamTopics topics = ClickstreamTopics.defaults();
		List<NewTopic> declared = List.of(topics.eventTopic(), topics.uniqueEventTopic(), topics.changelogTopic(),
				topics.deadLetterTopic(), topics.windowChangelogTopic(), topics.lateEventsTopic(),
				topics.windowResultsTopic(), topics.allTimeTopic(), topics.checkpointsTopic());

		try (Admin admin = Admin.create(broker.clientConfig(BrokerCredentials.ADMIN))) {
			Map<String, Set<AclOperation>> granted = grantedTopicOperations(admin, BrokerCredentials.EVENT_LISTENER);
			Set<AclOperation> readWriteCreate = Set.of(AclOperation.READ, AclOperation.WRITE, AclOperation.DESCRIBE,
					AclOperation.CREATE);
			for (NewTopic topic : declared) {
				Set<AclOperation> expected = topic.name().equals(topics.events().name())
						? Set.of(AclOperation.READ, AclOperation.DESCRIBE, AclOperation.CREATE) : readWriteCreate;
				assertThat(granted.get(topic.name())).as(topic.name()).isEqualTo(expected);
			}
			assertThat(granted.keySet())
				.containsExactlyInAnyOrderElementsOf(declared.stream().map(NewTopic::name).toList());
		}
		try (Admin listenerAdmin = Admin.create(broker.clientConfig(BrokerCredentials.EVENT_LISTENER))) {
			listenerAdmin.createTopics(declared).all().get();
			assertThat(listenerAdmin.listTopics().names().get())
				.containsAll(declared.stream().map(NewTopic::name).toList());
		}
	}

	private static Map<String, Set<AclOperation>> grantedTopicOperations(Admin admin, String user)
			throws InterruptedException, ExecutionException {
		AclBindingFilter filter = new AclBindingFilter(
				new ResourcePatternFilter(ResourceType.TOPIC, null, PatternType.ANY),
				new AccessControlEntryFilter("User:" + user, null, AclOperation.ANY,
						AclPermissionType.ALLOW));
		return admin.describeAcls(filter)
			.values()
			.get()
			.stream()
			.collect(Collectors.groupingBy(binding -> binding.pattern().name(),
					Collectors.mapping(AclBinding::entry, Collectors.mapping(AccessControlEntry::operation,
							Collectors.toSet()))));
	}

}
