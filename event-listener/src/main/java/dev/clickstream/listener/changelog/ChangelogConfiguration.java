package dev.clickstream.listener.changelog;

import org.apache.kafka.clients.admin.NewTopic;

import dev.clickstream.kafka.ClickstreamTopics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ChangelogConfiguration {

	@Bean
	NewTopic changelogTopic(ClickstreamTopics topics) {
		return topics.changelogTopic();
	}

	@Bean
	NewTopic windowChangelogTopic(ClickstreamTopics topics) {
		return topics.windowChangelogTopic();
	}

	@Bean
	NewTopic checkpointsTopic(ClickstreamTopics topics) {
		return topics.checkpointsTopic();
	}

}
