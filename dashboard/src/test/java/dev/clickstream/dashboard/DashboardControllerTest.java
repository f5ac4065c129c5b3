package dev.clickstream.dashboard;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.clickstream.kafka.ClickstreamTopics;
import dev.clickstream.model.MetricNames;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(controllers = DashboardController.class,
		properties = { "clickstream.dashboard.producer-url=", "clickstream.dashboard.refresh=100ms",
				"clickstream.dashboard.max-clients=2", "spring.mvc.problemdetails.enabled=true" })
@Import({ DashboardController.class, DashboardFeed.class, DashboardSubscribers.class, ListenerMeters.class,
		ProducerMeters.class, GeneratorProxy.class, DashboardControllerTest.Meters.class })
class DashboardControllerTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	MeterRegistry registry;

	@Autowired
	DashboardSubscribers subscribers;


	@AfterEach
	void closeStreams() {
		this.subscribers.completeAll();
	}

	@Test
	void dashboardIsTheNewestTotalsWithThisInstancesMeters() throws Exception {
		Counter.builder(MetricNames.EVENTS_DEAD_LETTERED).tag("reason", "not-json").register(this.registry).increment(3);

		this.mvc.perform(get("/api/dashboard"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.loaded").value(true))
			.andExpect(jsonPath("$.totals.productview").value(40))
			.andExpect(jsonPath("$.total").value(48))
			.andExpect(jsonPath("$.snapshotAt").value("2026-12-01T10:00:00Z"))
			.andExpect(jsonPath("$.deadLettered.total").value(3))
			.andExpect(jsonPath("$.deadLettered.byReason.not-json").value(3))
			.andExpect(jsonPath("$.producer.status").value("not-configured"))
			.andExpect(jsonPath("$.latency").doesNotExist())
			.andExpect(jsonPath("$.points").isArray());
	}

	@Test
	void streamStartsWithTheHistoryThenSendsTheFiguresAgainAndAgain() throws Exception {
		MvcResult stream = this.mvc.perform(get("/api/dashboard/stream").accept(MediaType.TEXT_EVENT_STREAM))
			.andExpect(request().asyncStarted())
			.andReturn();

		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			String events = stream.getResponse().getContentAsString();
			// The views come from a thread of their own and may be sent before or after the history; the state
			// events, which add to the history, only after it.
			assertThat(events).contains("event:history\ndata:{", "retry:2000", "event:state\ndata:{");
			assertThat(events.indexOf("event:state")).isGreaterThan(events.indexOf("event:history"));
		});
		assertThat(stream.getResponse().getContentType()).startsWith(MediaType.TEXT_EVENT_STREAM_VALUE);
		assertThat(stream.getResponse().getContentAsString()).contains("\"productview\":40");
		assertThat(this.subscribers.count()).isOne();
	}

	@Test
	void streamCarriesTheViewsAndTheRecordsOfTheTopicItTails() throws Exception {
		MvcResult stream = this.mvc
			.perform(get("/api/dashboard/stream").param("topic", "event-topic").accept(MediaType.TEXT_EVENT_STREAM))
			.andExpect(request().asyncStarted())
			.andReturn();

		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(stream.getResponse().getContentAsString())
				.contains("event:generator\ndata:{\"model\":\"fixed\"}\n\n")
				.contains("event:records\ndata:{\"topic\":\"event-topic\",\"records\":[]}\n\n"));
	}

	@Test
	void streamWithoutATopicCarriesNoRecords() throws Exception {
		MvcResult stream = this.mvc.perform(get("/api/dashboard/stream").accept(MediaType.TEXT_EVENT_STREAM))
			.andExpect(request().asyncStarted())
			.andReturn();

		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(stream.getResponse().getContentAsString()).contains("event:generator"));
		assertThat(stream.getResponse().getContentAsString()).doesNotContain("event:records");
	}

	@Test
	void streamTailingATopicTheBrowserDoesNotShowIsNotFound() throws Exception {
		this.mvc.perform(get("/api/dashboard/stream").param("topic", "__consumer_offsets"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("GET /api/topics")));
		assertThat(this.subscribers.count()).isZero();
	}

	@Test
	void moreStreamsThanAllowedAreTurnedAwayWithAProblem() throws Exception {
		this.mvc.perform(get("/api/dashboard/stream")).andExpect(request().asyncStarted());
		this.mvc.perform(get("/api/dashboard/stream")).andExpect(request().asyncStarted());

		this.mvc.perform(get("/api/dashboard/stream"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("max-clients")));
	}

	@Test
	void wrongMethodIsAProblemNotAnError() throws Exception {
		this.mvc.perform(post("/api/dashboard"))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(405));
	}

	@Test
	void streamAskedForAsJsonIsNotAcceptable() throws Exception {
		this.mvc.perform(get("/api/dashboard/stream").accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isNotAcceptable());
	}

	@Test
	void unknownPathUnderTheDashboardIsAProblem() throws Exception {
		this.mvc.perform(get("/api/dashboard/nothing-here"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@TestConfiguration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ ClickstreamTopics.class, DashboardProperties.class, ProducerCredentials.class })
	static class Meters {

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

		@Bean
		TopicTail topicTail() {
			return new TopicTail() {

				@Override
				public boolean canTail(String topic) {
					return topic.equals("event-topic");
				}

				@Override
				public Duration interval() {
					return Duration.ofSeconds(1);
				}

				@Override
				public byte[] newestJson(String topic) {
					return ("{\"topic\":\"" + topic + "\",\"records\":[]}").getBytes(StandardCharsets.UTF_8);
				}

			};
		}

		@Bean
		StreamedViews streamedViews(TopicTail topicTail, DashboardSubscribers subscribers) {
			StreamedView generator = StreamedView.of("generator", Duration.ofSeconds(1),
					() -> "{\"model\":\"fixed\"}".getBytes(StandardCharsets.UTF_8));
			return new StreamedViews(List.of(generator), topicTail, subscribers, JsonMapper.builder().build(),
					System::currentTimeMillis);
		}

	}

}
