package dev.clickstream.kafka;

import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Declares the shared topics and the Kafka health indicator in whichever service has this module.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@EnableConfigurationProperties({ ClickstreamTopics.class, KafkaHealthProperties.class })
public class ClickstreamKafkaAutoConfiguration {

	@Bean
	NewTopic eventTopic(ClickstreamTopics topics) {
		return TopicBuilder.name(topics.events().name())
			.partitions(topics.events().partitions())
			.replicas(topics.replicationFactor())
			.build();
	}

	@Bean
	NewTopic uniqueEventTopic(ClickstreamTopics topics) {
		return TopicBuilder.name(topics.uniqueEvents().name()).partitions(1).replicas(topics.replicationFactor()).build();
	}

	@Bean
	KafkaClusterHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin, KafkaHealthProperties properties) {
		return new KafkaClusterHealthIndicator(kafkaAdmin, properties.timeout());
	}

}
