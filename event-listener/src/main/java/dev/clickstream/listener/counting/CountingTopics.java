package dev.clickstream.listener.counting;

import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import dev.clickstream.kafka.ClickstreamTopics;
import dev.clickstream.listener.EventListenerProperties;

import org.springframework.kafka.config.TopicBuilder;
import org.springframework.stereotype.Component;

/**
 * The topics counting reads and writes. The changelog and the dead-letter topic have as many partitions as the event
 * topic: partition p of each holds what came of partition p of the event topic.
 */
@Component
public class CountingTopics {

	private final String events;

	private final NewTopic changelog;

	private final NewTopic deadLetter;

	CountingTopics(ClickstreamTopics topics, EventListenerProperties properties) {
		this.events = topics.events().name();
		this.changelog = TopicBuilder.name(properties.counting().changelogTopic())
			.partitions(topics.events().partitions())
			.replicas(topics.replicationFactor())
			.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))
			.build();
		this.deadLetter = TopicBuilder.name(this.events + ".DLT")
			.partitions(topics.events().partitions())
			.replicas(topics.replicationFactor())
			.build();
	}

	public String events() {
		return this.events;
	}

	public NewTopic changelog() {
		return this.changelog;
	}

	public NewTopic deadLetter() {
		return this.deadLetter;
	}

}
