package dev.clickstream.listener.counting;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;

import dev.clickstream.kafka.ClickstreamTopics;
import dev.clickstream.kafka.ReadCommittedConsumers;
import dev.clickstream.listener.EventListenerProperties.Snapshots.Mode;
import dev.clickstream.listener.EventListenerProperties;
import dev.clickstream.model.ClickEventReader;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerPostProcessor;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.transaction.KafkaTransactionManager;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
class CountingConfiguration {

	@Bean
	CountingState countingState() {
		return new CountingState();
	}

	@Bean
	NewTopic deadLetterTopic(ClickstreamTopics topics) {
		return topics.deadLetterTopic();
	}

	@Bean
	NewTopic lateEventsTopic(ClickstreamTopics topics) {
		return topics.lateEventsTopic();
	}

	/** In {@code every-event} mode each event's new state goes to the changelog, so each gets a snapshot of its own. */
	@Bean
	BatchCounter batchCounter(EventListenerProperties properties) {
		EventListenerProperties.Counting counting = properties.counting();
		EventAdmission admission = new EventAdmission(new ClickEventReader(counting.maxEventBytes(), counting.compactReader()),
				counting.eventNames(), counting.unknownEventNames());
		EventListenerProperties.Windows windows = properties.windows();
		return new BatchCounter(admission, properties.snapshots().mode() == Mode.EVERY_EVENT,
				windows.enabled() ? new EventTimeWindows(windows.size().toSeconds(), windows.grace().toSeconds()) : null);
	}

	/** Partition idle events, for the checkpoint of a partition whose events paused. */
	@Bean
	ContainerPostProcessor<String, Object, AbstractMessageListenerContainer<String, Object>> countingContainer(
			EventListenerProperties properties) {
		return container -> container.getContainerProperties()
			.setIdlePartitionEventInterval(properties.windows().checkpointInterval().dividedBy(4).toMillis());
	}

	@Bean
	SketchesRebuild sketchesRebuild(BatchCounter batchCounter, ReadCommittedConsumers consumers,
			ClickstreamTopics topics, EventListenerProperties properties) {
		return new SketchesRebuild(batchCounter, consumers, topics.events().name(),
				properties.counting().restoreTimeout());
	}

	@Bean
	CountingMetrics countingMetrics(MeterRegistry registry, EventListenerProperties properties, CountingState state) {
		return new CountingMetrics(registry, properties.counting().eventNames(), state);
	}

	/**
	 * Replaces Boot's transaction manager only to turn on transaction synchronization, which spring-kafka leaves off:
	 * counts become current in memory after their transaction commits, and never after a rollback.
	 */
	@Bean
	KafkaTransactionManager<?, ?> kafkaTransactionManager(ProducerFactory<?, ?> producerFactory) {
		KafkaTransactionManager<?, ?> transactionManager = new KafkaTransactionManager<>(producerFactory);
		transactionManager
			.setTransactionSynchronization(AbstractPlatformTransactionManager.SYNCHRONIZATION_ON_ACTUAL_TRANSACTION);
		return transactionManager;
	}

}
