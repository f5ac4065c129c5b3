package dev.clickstream.kafka;

import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Declares the shared topics and creates every declared topic (retrying while Kafka is away), checks the bootstrap
 * address and the security settings, and adds the Kafka health indicator and the maker of read_committed consumers,
 * in whichever service has this module. Spring's own topic creation at start-up
 * ({@code spring.kafka.admin.auto-create}) should be off: with the broker away it holds start-up for up to its
 * operation and close timeouts (30 s and 10 s by default), logs an error with a stack trace, and does not try again.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@EnableConfigurationProperties({ ClickstreamTopics.class, KafkaHealthProperties.class })
public class ClickstreamKafkaAutoConfiguration {

	@Bean
	NewTopic eventTopic(ClickstreamTopics topics) {
		return topics.eventTopic();
	}

	@Bean
	NewTopic uniqueEventTopic(ClickstreamTopics topics) {
		return topics.uniqueEventTopic();
	}

	@Bean
	BootstrapServersCheck bootstrapServersCheck(KafkaProperties kafkaProperties) {
		return new BootstrapServersCheck(kafkaProperties);
	}

	@Bean
	KafkaSecuritySettingsCheck kafkaSecuritySettingsCheck(ConfigurableEnvironment environment,
			KafkaProperties kafkaProperties, ObjectProvider<SslBundles> sslBundles) {
		return new KafkaSecuritySettingsCheck(environment, kafkaProperties, sslBundles.getIfAvailable());
	}

	@Bean
	TopicCreator topicCreator(KafkaAdmin kafkaAdmin, List<NewTopic> topics) {
		return new TopicCreator(new TopicAdmin(kafkaAdmin.getConfigurationProperties(), topics));
	}

	@Bean
	ReadCommittedConsumers readCommittedConsumers(ConsumerFactory<?, ?> consumerFactory) {
		return new ReadCommittedConsumers(consumerFactory);
	}

	@Bean
	KafkaClusterHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin, KafkaHealthProperties properties) {
		return new KafkaClusterHealthIndicator(kafkaAdmin, properties.timeout());
	}

}
