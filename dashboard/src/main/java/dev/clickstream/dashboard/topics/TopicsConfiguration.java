package dev.clickstream.dashboard.topics;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import dev.clickstream.dashboard.DashboardProperties;
import dev.clickstream.dashboard.DashboardSource;
import dev.clickstream.dashboard.StreamedView;
import dev.clickstream.dashboard.TopicTail;
import dev.clickstream.kafka.ClickstreamTopics;
import dev.clickstream.kafka.ReadCommittedConsumers;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The topic browser and the topic rates, and the one Admin client they share. */
@Configuration(proxyBeanMethods = false)
public class TopicsConfiguration {

	private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(1);

	/**
	 * For the life of the service: one per request or sample would open new connections each time. Closed by
	 * {@link #topicsAdminCloser}, not by its own {@code close()}, which waits for every call still pending.
	 */
	@Bean(destroyMethod = "")
	Admin topicsAdmin(KafkaAdmin kafkaAdmin) {
		Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
		// An id of its own: clients sharing one (the health check's Admin has the service's) collide in JMX.
		Object clientId = config.getOrDefault(AdminClientConfig.CLIENT_ID_CONFIG, "event-listener");
		config.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId + "-topics");
		return Admin.create(config);
	}

	/** A read still pending at shutdown has no one left to answer: it is cut short, not waited for. */
	@Bean
	DisposableBean topicsAdminCloser(Admin topicsAdmin) {
		return () -> topicsAdmin.close(CLOSE_TIMEOUT);
	}

	@Bean
	AdminReads adminReads(Admin topicsAdmin, ClickstreamTopics topics, DashboardSource source) {
		List<String> pipeline = List.of(topics.events().name(), topics.uniqueEvents().name(),
				topics.changelog().name(), topics.deadLetterName(), topics.windowChangelog().name(),
				topics.lateEventsName(), topics.windowResults().name(), topics.allTime().name(),
				topics.checkpoints().name());
		return new AdminReads(topicsAdmin, pipeline, source.consumerGroups());
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
	TopicsController topicsController(TopicBrowser browser, TopicRates rates, DashboardProperties properties) {
		return new TopicsController(browser, rates, properties);
	}

	/** The page's tail: as many records as it shows, read once per {@code browser.cache} for all pages. */
	@Bean
	TopicTail topicTail(TopicBrowser topicBrowser, DashboardProperties properties, JsonMapper jsonMapper) {
		return new BrowserTail(topicBrowser, properties.browser().cache(),
				TopicsController.defaultLimit(properties.browser().maxRecords()), jsonMapper);
	}

	/** The rates change once per sample: looked at every second, sent when a new sample came. */
	@Bean
	StreamedView topicRatesView(TopicRates topicRates, JsonMapper jsonMapper) {
		ObjectWriter writer = jsonMapper.writerFor(RatesView.class);
		return StreamedView.of("rates", Duration.ofSeconds(1), () -> writer.writeValueAsBytes(topicRates.view()));
	}

	/** Closed with the service, as an {@link AutoCloseable} bean. */
	@Bean
	BrowserConsumers browserConsumers(ReadCommittedConsumers consumers) {
		// Consumers that exist at the same time need client ids of their own, or their metrics would collide.
		AtomicLong made = new AtomicLong();
		return new BrowserConsumers(
				() -> consumers.create("topic-browser-" + made.incrementAndGet(), new ByteArrayDeserializer()));
	}

	@Bean
	TopicBrowser topicBrowser(ClickstreamTopics topics, AdminReads adminReads, BrowserConsumers browserConsumers,
			DashboardProperties properties) {
		DashboardProperties.Browser browser = properties.browser();
		return new TopicBrowser(new BrowsableTopics(topics), adminReads,
				new TopicReader(browserConsumers, browser.maxValueChars(), browser.timeout()), browser.maxRecords(),
				browser.cache(), browser.timeout(), browser.maxConcurrentReads());
	}

}
