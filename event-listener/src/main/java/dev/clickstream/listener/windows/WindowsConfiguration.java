package dev.clickstream.listener.windows;

import java.time.Duration;
import java.util.List;
import java.util.Properties;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import tools.jackson.databind.json.JsonMapper;

import dev.clickstream.dashboard.StreamedView;
import dev.clickstream.kafka.ClickstreamTopics;
import dev.clickstream.kafka.ReadCommittedConsumers;
import dev.clickstream.listener.EventListenerProperties;
import dev.clickstream.listener.changelog.ChangelogFormat;
import dev.clickstream.listener.kafka.PollCadence;
import dev.clickstream.listener.sketches.SketchMerges;
import dev.clickstream.listener.snapshot.SingleOwnerAssignor;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerPostProcessor;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;

/** The window results: their publisher, follower and topic, unless {@code clickstream.windows.enabled=false}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "clickstream.windows", name = "enabled", havingValue = "true", matchIfMissing = true)
class WindowsConfiguration {

	/** The windows the dashboard draws: the last half hour of one-minute windows. */
	static final int WINDOWS_SHOWN = 30;

	@Bean
	NewTopic windowResultsTopic(ClickstreamTopics topics) {
		return topics.windowResultsTopic();
	}

	@Bean
	WindowsRestore windowsRestore(ReadCommittedConsumers consumers, ChangelogFormat format, JsonMapper json,
			ClickstreamTopics topics, EventListenerProperties properties) {
		return new WindowsRestore(consumers, format, json, topics, properties);
	}

	@Bean
	WindowResultWriter windowResultWriter(KafkaTemplate<String, byte[]> kafkaTemplate, JsonMapper json,
			ClickstreamTopics topics, MeterRegistry registry) {
		return new WindowResultWriter(kafkaTemplate, json, topics, registry);
	}

	@Bean
	WindowsPublisher windowsPublisher(WindowsRestore restore, ChangelogFormat format, WindowResultWriter writer,
			ClickstreamTopics topics, EventListenerProperties properties, MeterRegistry registry,
			SketchMerges sketchMerges) {
		return new WindowsPublisher(restore, format, writer, topics, properties, registry, sketchMerges);
	}

	@Bean
	WindowResults windowResults(ReadCommittedConsumers consumers, JsonMapper json, ClickstreamTopics topics,
			MeterRegistry registry) {
		return new WindowResults(consumers, json, topics, registry);
	}

	@Bean
	NewestWindows newestWindows(WindowResults windowResults, JsonMapper json) {
		return new NewestWindows(windowResults, json);
	}

	/** The page's windows chart and table, and its products: the newest windows, sent as they change. */
	@Bean
	StreamedView windowsView(NewestWindows newestWindows) {
		return StreamedView.of("windows", Duration.ofSeconds(2), () -> newestWindows.json(WINDOWS_SHOWN));
	}

	/**
	 * As the totals' publisher: the classic protocol, which alone calls the single-owner assignor; one poll per
	 * snapshot interval, so running results come at the snapshot cadence; and idle events while the changelog is
	 * quiet, so that the idle timeout can close windows.
	 */
	@Bean
	ContainerPostProcessor<String, Object, AbstractMessageListenerContainer<String, Object>> windowPublisherContainer(
			EventListenerProperties properties, ConsumerFactory<?, ?> consumerFactory) {
		return container -> {
			ContainerProperties containerProperties = container.getContainerProperties();
			Properties consumer = containerProperties.getKafkaConsumerProperties();
			SingleOwnerAssignor.requireClassicProtocol(properties.windows().groupId(),
					List.of(consumerFactory.getConfigurationProperties(), consumer));
			PollCadence.oncePer(properties.snapshots().interval(), containerProperties);
			containerProperties.setIdleEventInterval(WindowsPublisher.idleEventInterval(properties).toMillis());
		};
	}

}
