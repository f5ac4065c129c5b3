package dev.clickstream.dashboard;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DashboardSubscribersTest {

	private final DashboardSubscribers subscribers = new DashboardSubscribers(properties(2));

	@Test
	void everySubscriberGetsTheSameEvent() {
		RecordingEmitter first = new RecordingEmitter();
		RecordingEmitter second = new RecordingEmitter();
		this.subscribers.add(first);
		this.subscribers.add(second);

		this.subscribers.broadcast("state", "{\"total\":1}");

		assertThat(first.sent).hasSize(1);
		assertThat(second.sent).hasSize(1);
	}

	@Test
	void aSubscriberWhoseBrowserWentAwayIsDropped() {
		this.subscribers.add(new RecordingEmitter());
		this.subscribers.add(new SseEmitter() {
			@Override
			public void send(SseEventBuilder builder) throws IOException {
				throw new IOException("Broken pipe");
			}
		});

		this.subscribers.broadcast("state", "{}");

		assertThat(this.subscribers.count()).isOne();
	}

	@Test
	void subscribersBeyondTheLimitAreTurnedAwayWith503() {
		this.subscribers.subscribe();
		this.subscribers.subscribe();

		assertThatExceptionOfType(ErrorResponseException.class).isThrownBy(this.subscribers::subscribe)
			.satisfies(ex -> assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));
		assertThat(this.subscribers.count()).isEqualTo(2);
	}

	@Test
	void completeAllEndsEveryStreamSoThatShutdownDoesNotWaitForBrowsers() {
		this.subscribers.subscribe();
		this.subscribers.subscribe();

		this.subscribers.completeAll();

		assertThat(this.subscribers.count()).isZero();
		this.subscribers.subscribe();
	}

	static DashboardProperties properties(int maxClients) {
		return new DashboardProperties(true, "http://localhost:8080", Duration.ofSeconds(1), Duration.ofSeconds(1),
				Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofSeconds(5), maxClients, Duration.ofMinutes(30),
				DefaultTopicSettings.BROWSER, DefaultTopicSettings.RATES, DefaultTopicSettings.LATE);
	}

	static class RecordingEmitter extends SseEmitter {

		final List<Object> sent = new ArrayList<>();

		@Override
		public void send(SseEventBuilder builder) {
			this.sent.add(builder.build());
		}

	}

}
