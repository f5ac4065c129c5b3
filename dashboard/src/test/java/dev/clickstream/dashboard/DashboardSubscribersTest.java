package dev.clickstream.dashboard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DashboardSubscribersTest {

	private final DashboardSubscribers subscribers = new DashboardSubscribers(properties(3));

	@Test
	void everySubscriberGetsTheSameEvent() {
		RecordingEmitter first = new RecordingEmitter();
		RecordingEmitter second = new RecordingEmitter();
		this.subscribers.add(first, null);
		this.subscribers.add(second, "event-topic");

		this.subscribers.broadcast(event("state", "{\"total\":1}"));

		assertThat(first.sent).containsExactly("event:state\ndata:{\"total\":1}\n\n");
		assertThat(second.sent).isEqualTo(first.sent);
	}

	@Test
	void aTopicsEventGoesOnlyToThePagesThatTailIt() {
		RecordingEmitter tailsEvents = new RecordingEmitter();
		RecordingEmitter tailsDeadLetters = new RecordingEmitter();
		RecordingEmitter tailsNone = new RecordingEmitter();
		this.subscribers.add(tailsEvents, "event-topic");
		this.subscribers.add(tailsDeadLetters, "dead-letters");
		this.subscribers.add(tailsNone, null);

		this.subscribers.broadcast("event-topic", event("records", "{\"topic\":\"event-topic\"}"));

		assertThat(tailsEvents.sent).hasSize(1);
		assertThat(tailsDeadLetters.sent).isEmpty();
		assertThat(tailsNone.sent).isEmpty();
		assertThat(this.subscribers.followedTopics()).containsExactlyInAnyOrder("event-topic", "dead-letters");
		assertThat(this.subscribers.topicOf(tailsNone)).isEmpty();
	}

	@Test
	void aSubscriberWhoseBrowserWentAwayIsDropped() {
		this.subscribers.add(new RecordingEmitter(), null);
		this.subscribers.add(new SseEmitter() {
			@Override
			public void send(Set<DataWithMediaType> items) throws IOException {
				throw new IOException("Broken pipe");
			}
		}, "event-topic");

		this.subscribers.broadcast(event("state", "{}"));

		assertThat(this.subscribers.count()).isOne();
		assertThat(this.subscribers.followedTopics()).isEmpty();
	}

	@Test
	void subscribersBeyondTheLimitAreTurnedAwayWith503() {
		this.subscribers.subscribe(null);
		this.subscribers.subscribe("event-topic");
		this.subscribers.subscribe(null);

		assertThatExceptionOfType(ErrorResponseException.class).isThrownBy(() -> this.subscribers.subscribe(null))
			.satisfies(ex -> assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));
		assertThat(this.subscribers.count()).isEqualTo(3);
	}

	@Test
	void completeAllEndsEveryStreamSoThatShutdownDoesNotWaitForBrowsers() {
		this.subscribers.subscribe(null);
		this.subscribers.subscribe(null);

		this.subscribers.completeAll();

		assertThat(this.subscribers.count()).isZero();
		this.subscribers.subscribe(null);
	}

	private static StreamEvent event(String name, String json) {
		return StreamEvent.of(name, json.getBytes(StandardCharsets.UTF_8));
	}

	static DashboardProperties properties(int maxClients) {
		return new DashboardProperties(true, "http://localhost:8080", Duration.ofSeconds(1), Duration.ofSeconds(1),
				Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofSeconds(5), maxClients, Duration.ofMinutes(30),
				DefaultTopicSettings.BROWSER, DefaultTopicSettings.RATES, DefaultTopicSettings.LATE);
	}

}
