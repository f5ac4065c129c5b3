package dev.clickstream.listener.snapshot;

import dev.clickstream.listener.EventListenerProperties;
import dev.clickstream.listener.EventListenerProperties.Snapshots.Mode;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerPostProcessor;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;

@Configuration(proxyBeanMethods = false)
class SnapshotConfiguration {

	/**
	 * In interval mode the publisher polls once per interval and publishes once per poll: at most one snapshot per
	 * interval, however fast the counts change.
	 */
	@Bean
	ContainerPostProcessor<String, Object, AbstractMessageListenerContainer<String, Object>> snapshotCadence(
			EventListenerProperties properties) {
		return container -> {
			if (properties.snapshots().mode() == Mode.INTERVAL) {
				container.getContainerProperties().setIdleBetweenPolls(properties.snapshots().interval().toMillis());
			}
		};
	}

}
