package dev.clickstream.listener.dashboard.topics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;

import dev.clickstream.kafka.ClickstreamTopics;
import dev.clickstream.listener.EventListenerProperties;
import dev.clickstream.listener.dashboard.DashboardProperties;
import dev.clickstream.listener.dashboard.topics.AdminReads.WatchedGroup;
import dev.clickstream.listener.kafka.ReadCommittedConsumers;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;

/** The topic browser and the topic rates, and the one Admin client they share. */
@Configuration(proxyBeanMethods = false)
class TopicsConfiguration {

	/**
	 * For the life of the service: one per request or sample would open new connections each time. Its operations
	 * all have timeouts, so closing it at shutdown waits for none longer than those.
	 */
	@Bean(destroyMethod = "close")
	Admin topicsAdmin(KafkaAdmin kafkaAdmin) {
		Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
		// An id of its own: clients sharing one (the health check's Admin has the service's) collide in JMX.
		Object clientId = config.getOrDefault(AdminClientConfig.CLIENT_ID_CONFIG, "event-listener");
		config.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId + "-topics");
		return Admin.create(config);
	}

	@Bean
	AdminReads adminReads(Admin topicsAdmin, ClickstreamTopics topics, EventListenerProperties properties,
			ConsumerFactory<?, ?> consumerFactory) {
		List<String> pipeline = List.of(topics.events().name(), topics.uniqueEvents().name(),
				topics.changelog().name(), topics.deadLetterName(), topics.windowChangelog().name(),
				topics.lateEventsName(), topics.windowResults().name(), topics.allTime().name(),
				topics.checkpoints().name());
		List<WatchedGroup> groups = new ArrayList<>();
		// The counting listener's group is the consumer factory's, spring.kafka.consumer.group-id.
		Object countingGroup = consumerFactory.getConfigurationProperties().get(ConsumerConfig.GROUP_ID_CONFIG);
		if (countingGroup != null) {
			groups.add(new WatchedGroup(countingGroup.toString(), List.of(topics.events().name())));
		}
		groups.add(new WatchedGroup(properties.snapshots().groupId(),
				List.of(topics.changelog().name(), topics.checkpoints().name())));
		groups.add(new WatchedGroup(properties.windows().groupId(), List.of(topics.windowChangelog().name())));
		return new AdminReads(topicsAdmin, pipeline, groups);
	}

	@Bean
	TopicRates topicRates(DashboardProperties properties) {
		DashboardProperties.Rates rates = properties.rates();
		return new TopicRates(rates.history().toMillis(), rates.interval().toMillis() / 1000.0);
	}

	@Bean
	RatesSampler ratesSampler(AdminReads adminReads, TopicRates topicRates, DashboardProperties properties) {
		DashboardProperties.Rates rates = properties.rates();
		return new RatesSampler(adminReads, topicRates, rates.interval(), rates.timeout());
	}

	@Bean
	TopicBrowser topicBrowser(ClickstreamTopics topics, AdminReads adminReads, ReadCommittedConsumers consumers,
			DashboardProperties properties) {
		DashboardProperties.Browser browser = properties.browser();
		return new TopicBrowser(new BrowsableTopics(topics), adminReads,
				new TopicReader(consumers, browser.maxValueChars(), browser.timeout()), browser.maxRecords(),
				browser.cache(), browser.timeout(), browser.maxConcurrentReads());
	}

}
