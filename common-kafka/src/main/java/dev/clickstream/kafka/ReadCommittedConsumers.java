package dev.clickstream.kafka;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.springframework.kafka.core.ConsumerFactory;

/**
 * Makes group-less consumers that read only committed records, for restoring state, following topics and showing
 * their records. They take the connection settings of the application's consumer factory ({@code spring.kafka.consumer.*}) but never
 * join a group or commit offsets.
 */
public class ReadCommittedConsumers {

	private final Map<String, Object> config;

	// The factory's settings, not spring.kafka.* read again: they include the connection details a service connection
	// (Testcontainers, Docker Compose) gives, where the properties still name the default broker.
	public ReadCommittedConsumers(ConsumerFactory<?, ?> consumerFactory) {
		Map<String, Object> consumerConfig = new HashMap<>(consumerFactory.getConfigurationProperties());
		consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
		consumerConfig.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
		consumerConfig.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
		consumerConfig.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
		consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		this.config = Map.copyOf(consumerConfig);
	}

	public <V> Consumer<String, V> create(String clientId, Deserializer<V> values) {
		Map<String, Object> withClientId = new HashMap<>(this.config);
		withClientId.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
		return new KafkaConsumer<>(withClientId, new StringDeserializer(), values);
	}

}
