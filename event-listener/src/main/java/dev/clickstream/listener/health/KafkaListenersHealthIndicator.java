package dev.clickstream.listener.health;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.common.TopicPartition;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Whether every Kafka listener container that should run does, and which partitions each consumer has. DOWN when a
 * container meant to start is not running, or stopped on an error: its consumers then read nothing until the
 * service restarts. Having no partitions is normal with more instances than partitions, so it is shown, not judged.
 */
@Component
class KafkaListenersHealthIndicator extends AbstractHealthIndicator {

	private final KafkaListenerEndpointRegistry registry;

	KafkaListenersHealthIndicator(KafkaListenerEndpointRegistry registry) {
		super("Kafka listener containers health check failed");
		this.registry = registry;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		boolean allRunning = true;
		Map<String, Object> listeners = new TreeMap<>();
		for (MessageListenerContainer container : this.registry.getListenerContainers()) {
			boolean running = container.isRunning();
			boolean healthy = container.isInExpectedState() && (running || !container.isAutoStartup());
			allRunning &= healthy;
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("running", running);
			if (!healthy) {
				details.put("problem", running ? "a consumer stopped on an error" : "not running");
			}
			details.put("consumers", consumers(container));
			listeners.put(String.valueOf(container.getListenerId()), details);
		}
		if (allRunning) {
			builder.up();
		}
		else {
			builder.down();
		}
		builder.withDetail("listeners", listeners);
	}

	private static List<Map<String, Object>> consumers(MessageListenerContainer container) {
		List<? extends MessageListenerContainer> children = (container instanceof ConcurrentMessageListenerContainer<?, ?> concurrent)
				? concurrent.getContainers() : List.of(container);
		return children.stream().map(KafkaListenersHealthIndicator::consumer).toList();
	}

	private static Map<String, Object> consumer(MessageListenerContainer child) {
		Map<String, Object> consumer = new LinkedHashMap<>();
		consumer.put("running", child.isRunning());
		Collection<TopicPartition> assigned = child.getAssignedPartitions();
		consumer.put("partitions", (assigned != null) ? assigned.stream().map(TopicPartition::toString).sorted().toList()
				: List.of());
		return consumer;
	}

}
