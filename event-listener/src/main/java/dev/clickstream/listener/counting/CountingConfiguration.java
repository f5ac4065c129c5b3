package dev.clickstream.listener.counting;

import org.apache.kafka.clients.admin.NewTopic;

import dev.clickstream.listener.EventListenerProperties;
import dev.clickstream.model.ClickEventReader;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.transaction.KafkaTransactionManager;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
class CountingConfiguration {

	@Bean
	CountingState countingState() {
		return new CountingState();
	}

	@Bean
	NewTopic countsChangelogTopic(CountingTopics topics) {
		return topics.changelog();
	}

	@Bean
	NewTopic deadLetterTopic(CountingTopics topics) {
		return topics.deadLetter();
	}

	@Bean
	EventAdmission eventAdmission(EventListenerProperties properties) {
		return new EventAdmission(new ClickEventReader(properties.counting().maxEventBytes()),
				properties.counting().eventNames(), properties.counting().unknownEventNames());
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
