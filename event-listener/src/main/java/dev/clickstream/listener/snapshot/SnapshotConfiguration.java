package dev.clickstream.listener.snapshot;

import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;

import dev.clickstream.listener.EventListenerProperties;
import dev.clickstream.listener.EventListenerProperties.Snapshots.Mode;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerPostProcessor;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;

@Configuration(proxyBeanMethods = false)
class SnapshotConfiguration {

	/** Longer fetch waits would approach the consumer's request timeout; longer intervals also idle between polls. */
	static final Duration MAX_FETCH_WAIT = Duration.ofSeconds(5);

	/** Far more than the changes of an interval (one small record per partition per counting transaction). */
	static final int UNREACHED_FETCH_BYTES = 16 * 1024 * 1024;

	/**
	 * The publisher's container. Its group must run the classic protocol, which alone calls the single-owner
	 * assignor. In interval mode each fetch of the changelog is held at the broker for the interval, never cut short
	 * by data (the changes of one interval are far below the minimum asked for), and the publisher publishes once per
	 * poll: at most one snapshot per interval, and each holds every change committed until its fetch returned. Pausing
	 * between polls instead would publish changes fetched one interval earlier, since the consumer fetches ahead.
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
				Duration interval = properties.snapshots().interval();
				Duration fetchWait = (interval.compareTo(MAX_FETCH_WAIT) < 0) ? interval : MAX_FETCH_WAIT;
				consumer.setProperty(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, Long.toString(fetchWait.toMillis()));
				consumer.setProperty(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, Integer.toString(UNREACHED_FETCH_BYTES));
				containerProperties.setIdleBetweenPolls(interval.minus(fetchWait).toMillis());
			}
		};
	}

}
