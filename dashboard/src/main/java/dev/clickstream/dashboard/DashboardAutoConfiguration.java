package dev.clickstream.dashboard;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import dev.clickstream.dashboard.late.LateEventsConfiguration;
import dev.clickstream.dashboard.topics.CommittedLag;
import dev.clickstream.dashboard.topics.TopicsConfiguration;
import dev.clickstream.kafka.ClickstreamKafkaAutoConfiguration;
import dev.clickstream.kafka.ClickstreamTopics;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The dashboard in a web application that provides a {@link DashboardSource}: its page at {@code /}, its figures at
 * {@code /api/dashboard}, and the topics' records and rates and the late events per window at {@code /api/topics}.
 * Off with {@code clickstream.dashboard.enabled=false}: then none of these paths is served, and nothing of the
 * dashboard runs.
 */
@AutoConfiguration(after = ClickstreamKafkaAutoConfiguration.class)
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnBooleanProperty(name = "clickstream.dashboard.enabled", matchIfMissing = true)
@ConditionalOnBean(DashboardSource.class)
@EnableConfigurationProperties({ DashboardProperties.class, ProducerCredentials.class })
@Import({ TopicsConfiguration.class, LateEventsConfiguration.class })
public class DashboardAutoConfiguration {

	/** Where the page's files are in the jar: not a default static location, so that they are served only when on. */
	static final String PAGE_LOCATION = "classpath:/clickstream-dashboard/";

	static final String[] PAGE_FILES = { "/index.html", "/dashboard.css", "/stream.js", "/dashboard.js", "/views.js",
			"/favicon.svg" };

	@Bean
	DashboardSubscribers dashboardSubscribers(DashboardProperties properties) {
		return new DashboardSubscribers(properties);
	}

	@Bean
	ListenerMeters listenerMeters(MeterRegistry registry, ClickstreamTopics topics,
			ObjectProvider<CommittedLag> committedLag, DashboardSource source) {
		return new ListenerMeters(registry, topics, committedLag, source);
	}

	@Bean
	ProducerMeters producerMeters(DashboardProperties properties, ProducerCredentials producerCredentials,
			JsonMapper jsonMapper) {
		return new ProducerMeters(properties, producerCredentials, jsonMapper);
	}

	@Bean
	GeneratorProxy generatorProxy(DashboardProperties properties, ProducerCredentials producerCredentials) {
		return new GeneratorProxy(properties, producerCredentials);
	}

	@Bean
	DashboardFeed dashboardFeed(DashboardSource source, ListenerMeters listenerMeters, ProducerMeters producerMeters,
			DashboardSubscribers subscribers, DashboardProperties properties, JsonMapper jsonMapper) {
		return new DashboardFeed(source, listenerMeters, producerMeters, subscribers, properties, jsonMapper);
	}

	/** What the page showed from polling the producer every 2 s; the producer's answer is at most 1 s old. */
	@Bean
	StreamedView generatorView(GeneratorProxy generatorProxy) {
		return StreamedView.of("generator", Duration.ofSeconds(1), generatorProxy::statusJson);
	}

	@Bean
	StreamedViews streamedViews(ObjectProvider<StreamedView> views, TopicTail topicTail,
			DashboardSubscribers subscribers, JsonMapper jsonMapper) {
		return new StreamedViews(views.orderedStream().toList(), topicTail, subscribers, jsonMapper,
				() -> System.nanoTime() / 1_000_000);
	}

	@Bean
	DashboardController dashboardController(DashboardFeed feed, StreamedViews views, DashboardSubscribers subscribers,
			TopicTail topicTail, GeneratorProxy generator) {
		return new DashboardController(feed, views, subscribers, topicTail, generator);
	}

	@Bean
	WebMvcConfigurer dashboardPage() {
		return new WebMvcConfigurer() {

			@Override
			public void addResourceHandlers(ResourceHandlerRegistry registry) {
				registry.addResourceHandler(PAGE_FILES).addResourceLocations(PAGE_LOCATION);
			}

			@Override
			public void addViewControllers(ViewControllerRegistry registry) {
				registry.addViewController("/").setViewName("forward:/index.html");
			}

		};
	}

}
