package dev.clickstream.dashboard.late;

import java.time.Duration;
import java.time.Instant;

import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import dev.clickstream.dashboard.DashboardProperties;
import dev.clickstream.dashboard.StreamedView;
import dev.clickstream.kafka.ClickstreamTopics;
import dev.clickstream.kafka.ReadCommittedConsumers;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The late events per window: their counts, the follower of the late-events topic that fills them, and the API. */
@Configuration(proxyBeanMethods = false)
public class LateEventsConfiguration {

	@Bean
	LateCounts lateCounts(DashboardProperties properties) {
		DashboardProperties.Late late = properties.late();
		return new LateCounts(Instant.now().minus(late.history()), late.maxWindows());
	}

	@Bean
	LateEventsFollower lateEventsFollower(ReadCommittedConsumers consumers, ClickstreamTopics topics,
			LateCounts lateCounts, DashboardProperties properties) {
		return new LateEventsFollower(consumers, topics.lateEventsName(), lateCounts, properties.late().timeout());
	}

	/** Shown with the windows, and as often. */
	@Bean
	StreamedView lateEventsView(LateCounts lateCounts, JsonMapper jsonMapper) {
		ObjectWriter writer = jsonMapper.writerFor(LateView.class);
		return StreamedView.of("late", Duration.ofSeconds(2), () -> writer.writeValueAsBytes(lateCounts.view()));
	}

	@Bean
	LateEventsController lateEventsController(LateCounts lateCounts) {
		return new LateEventsController(lateCounts);
	}

}
