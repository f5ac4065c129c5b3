package dev.clickstream.listener.snapshot;

import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.admin.NewTopic;

import dev.clickstream.kafka.ClickstreamTopics;
import dev.clickstream.listener.EventListenerProperties;
import dev.clickstream.listener.EventListenerProperties.Snapshots.Mode;
import dev.clickstream.listener.kafka.PollCadence;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerPostProcessor;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;

@Configuration(proxyBeanMethods = false)
class SnapshotConfiguration {

	@Bean
	NewTopic allTimeTopic(ClickstreamTopics topics) {
		return topics.allTimeTopic();
	}

	/**
	 * The publisher's container. Its group must run the classic protocol, which alone calls the single-owner
	 * assignor. In interval mode it polls once per interval ({@link PollCadence}): at most one snapshot per interval.
	 */
	@Bean
	ContainerPostProcessor<String, Object, AbstractMessageListenerContainer<String, Object>> snapshotPublisherContainer(
			EventListenerProperties properties, ConsumerFactory<?, ?> consumerFactory) {
		return container -> {
			ContainerProperties containerProperties = container.getContainerProperties();
			Properties consumer = containerProperties.getKafkaConsumerProperties();
			SingleOwnerAssignor.requireClassicProtocol(properties.snapshots().groupId(),
					List.of(consumerFactory.getConfigurationProperties(), consumer));
			if (properties.snapshots().mode() == Mode.INTERVAL) {
				PollCadence.oncePer(properties.snapshots().interval(), containerProperties);
			}
		};
	}

}
