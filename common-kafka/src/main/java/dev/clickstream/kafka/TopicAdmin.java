package dev.clickstream.kafka;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.util.Assert;

/**
 * Spring's {@link KafkaAdmin} over the given topics, with timeouts for a broker that may be away. {@link #initialize()}
 * creates the missing topics and adds partitions where a topic has fewer than declared; a topic with more is left as
 * it is, and KafkaAdmin logs it at INFO ("exists but has a different partition count: 6 not 3"). A failure is thrown,
 * not logged: this admin is not a bean, so it is never in the context's start-up call, the only one in which
 * KafkaAdmin logs the failure with its stack trace (or, with {@code fatalIfBrokerNotAvailable}, fails the start-up).
 */
class TopicAdmin extends KafkaAdmin {

	// Every wait of an attempt, from "does the cluster answer" to "are the topics created". The first attempt runs on
	// the start-up thread, so with the broker away this is what start-up waits. A creation slower than this on a busy
	// broker is not lost: the next attempt finds the topics there.
	static final int OPERATION_TIMEOUT_SECONDS = 5;

	// After a failed attempt the client still waits for the broker; closing it aborts that. KafkaAdmin's default of
	// 10 s would add as much to every attempt while the broker is away.
	static final int CLOSE_TIMEOUT_SECONDS = 1;

	private final List<NewTopic> topics;

	TopicAdmin(Map<String, Object> config, List<NewTopic> topics) {
		super(config);
		// KafkaAdmin.initialize() reports "nothing to create" as a failure, which would be retried for ever.
		Assert.notEmpty(topics, "no topics to create");
		this.topics = List.copyOf(topics);
		setOperationTimeout(OPERATION_TIMEOUT_SECONDS);
		setCloseTimeout(CLOSE_TIMEOUT_SECONDS);
	}

	// The topics it was given, rather than every NewTopic bean of an application context it does not have.
	@Override
	protected Collection<NewTopic> newTopics() {
		return this.topics;
	}

	List<String> topicNames() {
		return this.topics.stream().map(NewTopic::name).toList();
	}

	String bootstrapServers() {
		return String.valueOf(getConfigurationProperties().get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG));
	}

}
