package dev.clickstream.dashboard;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class StreamedViewsTest {

	private final AtomicLong clock = new AtomicLong(1_000_000);

	private final DashboardSubscribers subscribers = new DashboardSubscribers(DashboardSubscribersTest.properties(10));

	private final AtomicReference<String> windows = new AtomicReference<>("[1]");

	private final AtomicInteger windowLooks = new AtomicInteger();

	private final StreamedView windowsView = StreamedView.of("windows", Duration.ofSeconds(2), () -> {
		this.windowLooks.incrementAndGet();
		return json(this.windows.get());
	});

	private final Tail tail = new Tail();

	private final StreamedViews views = new StreamedViews(List.of(this.windowsView), this.tail, this.subscribers,
			JsonMapper.builder().build(), this.clock::get);

	@Test
	void aViewGoesToEveryPageOnceAndAgainOnlyWhenItChanged() {
		RecordingEmitter first = page(null);
		RecordingEmitter second = page("event-topic");

		this.views.look();
		after(Duration.ofSeconds(2));
		this.views.look();
		this.windows.set("[1,2]");
		after(Duration.ofSeconds(2));
		this.views.look();

		assertThat(first.sent).containsExactly("event:windows\ndata:[1]\n\n", "event:windows\ndata:[1,2]\n\n");
		assertThat(second.sent).filteredOn(event -> event.startsWith("event:windows")).isEqualTo(first.sent);
	}

	@Test
	void aViewIsLookedAtAtMostOncePerItsIntervalWhateverTheNumberOfPages() {
		for (int i = 0; i < 10; i++) {
			page(null);
		}

		this.views.look();
		after(Duration.ofMillis(1_999));
		this.views.look();
		assertThat(this.windowLooks).hasValue(1);

		after(Duration.ofMillis(1));
		this.views.look();
		assertThat(this.windowLooks).hasValue(2);
	}

	@Test
	void nothingIsLookedAtOrReadWhileNoPageIsOpen() {
		this.views.look();
		this.views.look();

		assertThat(this.windowLooks).hasValue(0);
		assertThat(this.tail.reads).isEmpty();
	}

	@Test
	void aPageThatConnectsGetsTheLastEventOfEachViewAndOfItsTopicAtOnce() {
		page("event-topic");
		this.views.look();

		RecordingEmitter late = page("event-topic");
		this.views.sendLastTo(late);

		assertThat(late.sent).containsExactly("event:windows\ndata:[1]\n\n",
				"event:records\ndata:{\"topic\":\"event-topic\",\"read\":1}\n\n");
	}

	@Test
	void aTopicIsReadOncePerIntervalForAllThePagesThatTailItAndItsRecordsGoOnlyToThem() {
		RecordingEmitter events1 = page("event-topic");
		RecordingEmitter events2 = page("event-topic");
		RecordingEmitter deadLetters = page("dead-letters");

		this.views.look();
		after(Duration.ofMillis(500));
		this.views.look();

		assertThat(this.tail.reads).containsOnly(Map.entry("event-topic", 1), Map.entry("dead-letters", 1));
		assertThat(records(events1)).containsExactly("{\"topic\":\"event-topic\",\"read\":1}");
		assertThat(records(events2)).isEqualTo(records(events1));
		assertThat(records(deadLetters)).containsExactly("{\"topic\":\"dead-letters\",\"read\":1}");

		after(Duration.ofMillis(500));
		this.views.look();
		assertThat(records(events1)).containsExactly("{\"topic\":\"event-topic\",\"read\":1}",
				"{\"topic\":\"event-topic\",\"read\":2}");
	}

	@Test
	void aViewThatCannotBeHadSendsItsProblemOnceThenTheViewWhenItCanAgain() {
		RecordingEmitter page = page(null);
		ErrorResponseException notYet = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE);
		notYet.setDetail("The windows are still being read from Kafka");
		AtomicReference<RuntimeException> failure = new AtomicReference<>(notYet);
		StreamedViews failing = new StreamedViews(List.of(StreamedView.of("windows", Duration.ofSeconds(2), () -> {
			RuntimeException current = failure.get();
			if (current != null) {
				throw current;
			}
			return json("[1]");
		})), this.tail, this.subscribers, JsonMapper.builder().build(), this.clock::get);

		failing.look();
		after(Duration.ofSeconds(2));
		failing.look();
		failure.set(null);
		after(Duration.ofSeconds(2));
		failing.look();

		assertThat(page.sent).containsExactly(
				"event:problem\ndata:{\"view\":\"windows\",\"detail\":\"The windows are still being read from Kafka\"}\n\n",
				"event:windows\ndata:[1]\n\n");
	}

	@Test
	void aTopicThatCannotBeReadSendsAProblemNamingIt() {
		RecordingEmitter page = page("event-topic");
		this.tail.failure = new IllegalStateException("no leader for event-topic-0");

		this.views.look();

		assertThat(page.sent).contains("event:problem\ndata:{\"view\":\"records\",\"topic\":\"event-topic\","
				+ "\"detail\":\"no leader for event-topic-0\"}\n\n");
	}

	@Test
	void twoViewsOfOneNameAreRefused() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new StreamedViews(List.of(this.windowsView, this.windowsView), this.tail,
					this.subscribers, JsonMapper.builder().build(), this.clock::get))
			.withMessageContaining("windows");
		assertThatIllegalStateException().isThrownBy(() -> new StreamedViews(
				List.of(StreamedView.of("records", Duration.ofSeconds(1), () -> json("[]"))), this.tail,
				this.subscribers, JsonMapper.builder().build(), this.clock::get));
	}

	private RecordingEmitter page(String topic) {
		RecordingEmitter emitter = new RecordingEmitter();
		this.subscribers.add(emitter, topic);
		return emitter;
	}

	private void after(Duration time) {
		this.clock.addAndGet(time.toMillis());
	}

	private static List<String> records(RecordingEmitter page) {
		List<String> data = new ArrayList<>();
		page.sent.stream()
			.filter(event -> event.startsWith("event:records\n"))
			.forEach(event -> data.add(event.substring("event:records\ndata:".length(), event.length() - 2)));
		return data;
	}

	private static byte[] json(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/** Each read of a topic has a number of its own, so that a new read is a change. */
	private static final class Tail implements TopicTail {

		final Map<String, Integer> reads = new HashMap<>();

		RuntimeException failure;

		@Override
		public boolean canTail(String topic) {
			return true;
		}

		@Override
		public Duration interval() {
			return Duration.ofSeconds(1);
		}

		@Override
		public byte[] newestJson(String topic) {
			if (this.failure != null) {
				throw this.failure;
			}
			int read = this.reads.merge(topic, 1, Integer::sum);
			return json("{\"topic\":\"" + topic + "\",\"read\":" + read + "}");
		}

	}

}
