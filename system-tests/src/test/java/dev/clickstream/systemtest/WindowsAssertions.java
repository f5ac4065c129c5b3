package dev.clickstream.systemtest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.clickstream.model.ClickEvent;
import dev.clickstream.model.ClickEventReader;
import dev.clickstream.model.TimedEventName;
import dev.clickstream.model.WindowResult;
import dev.clickstream.systemtest.harness.TopicReader;
import dev.clickstream.systemtest.harness.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the windows must show for an input, worked out from the event topic itself, partition by partition in offset
 * order, with the listener's default one-minute windows and 30 s of grace: every window that every partition has
 * closed has exactly one final result, equal to its events; no running result exceeds its final; the late-events
 * topic holds exactly the events the input makes late, once each. The windows' unique users and top products agree
 * with the exact figures of their events, and with those of another listener that counted the same input.
 */
final class WindowsAssertions {

	static final long SIZE = 60;

	static final long GRACE = 30;

	static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

	private static final JsonMapper json = JsonMapper.builder().build();

	private WindowsAssertions() {
	}

	/**
	 * @param minimumClosed how many windows the input must close on every partition, so that the check says something
	 */
	static void assertWindowsMatchTheInput(String bootstrap, int minimumClosed) {
		assertWindowsMatchTheInput(bootstrap, ListenerTopics.defaults(), Oracle.of(bootstrap), minimumClosed);
	}

	/**
	 * The same for a listener that writes the topics named, against an oracle read once for several listeners.
	 * @return the final result of each window closed everywhere, by its start
	 */
	static Map<Long, WindowResult> assertWindowsMatchTheInput(String bootstrap, ListenerTopics topics, Oracle oracle,
			int minimumClosed) {
		assertThat(oracle.closedEverywhere()).as("windows the input closes on every partition")
			.hasSizeGreaterThanOrEqualTo(minimumClosed);
		assertThat(oracle.late()).as("events the input makes late").isNotEmpty();

		await("a final result on " + topics.windowResults() + " for every window closed everywhere")
			.atMost(Duration.ofMinutes(2))
			.until(() -> finals(readResults(bootstrap, topics.windowResults())).keySet()
				.containsAll(oracle.closedEverywhere()));
		List<WindowResult> results = readResults(bootstrap, topics.windowResults());
		Map<Long, List<WindowResult>> finals = finals(results);
		assertThat(finals.keySet()).as("final results only of windows closed everywhere")
			.containsExactlyInAnyOrderElementsOf(oracle.closedEverywhere());
		Map<Long, WindowResult> finalByStart = new TreeMap<>();
		for (long start : oracle.closedEverywhere()) {
			assertThat(finals.get(start)).as("final results of %s", Instant.ofEpochSecond(start)).hasSize(1);
			Map<String, Long> expected = oracle.counts(start);
			WindowResult result = finals.get(start).get(0);
			assertThat(nonZero(result.counts())).as("final counts of %s", Instant.ofEpochSecond(start))
				.isEqualTo(expected);
			finalByStart.put(start, result);
		}
		for (WindowResult running : results) {
			long start = running.windowStart().getEpochSecond();
			if (!running.isFinal() && finals.containsKey(start)) {
				WindowResult result = finals.get(start).get(0);
				running.counts()
					.forEach((name, count) -> assertThat(count).as("running %s of %s", name, running.windowStart())
						.isLessThanOrEqualTo(result.count(name)));
			}
		}
		List<String> lateOnTopic = TopicReader.readAll(bootstrap, topics.lateEvents())
			.stream()
			.map(record -> record.partition() + "/" + header(record, "late.original.offset"))
			.toList();
		assertThat(lateOnTopic).as("late events, each once").doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(oracle.late());
		return finalByStart;
	}

	/**
	 * Every final result's unique users and top products agree with the exact figures of its window's events: within
	 * their bounds, see {@link ExactFigures#assertEstimatedBy}.
	 */
	static void assertFiguresWithinBounds(Map<Long, WindowResult> finals, Oracle oracle) {
		finals.forEach((start, result) -> oracle.figures(start)
			.assertEstimatedBy(result.uniqueUsers(), result.topProducts(), "window " + Instant.ofEpochSecond(start)));
	}

	/** Two listeners' final results of the same windows show the same unique users and top products. */
	static void assertSameFigures(Map<Long, WindowResult> finals, Map<Long, WindowResult> others) {
		assertThat(others.keySet()).as("windows of both").isEqualTo(finals.keySet());
		finals.forEach((start, result) -> {
			WindowResult other = others.get(start);
			assertThat(other.uniqueUsers()).as("unique users of %s", Instant.ofEpochSecond(start))
				.isNotNull()
				.isEqualTo(result.uniqueUsers());
			assertThat(other.topProducts()).as("top products of %s", Instant.ofEpochSecond(start))
				.isNotNull()
				.isEqualTo(result.topProducts());
		});
	}

	private static List<WindowResult> readResults(String bootstrap, String topic) {
		List<WindowResult> results = new ArrayList<>();
		for (ConsumerRecord<String, String> record : TopicReader.readAll(bootstrap, topic)) {
			if (record.value() != null) {
				results.add(WindowResult.fromJson(json, record.value().getBytes(StandardCharsets.UTF_8)));
			}
		}
		return results;
	}

	private static Map<Long, List<WindowResult>> finals(List<WindowResult> results) {
		Map<Long, List<WindowResult>> finals = new TreeMap<>();
		results.stream()
			.filter(WindowResult::isFinal)
			.forEach(result -> finals.computeIfAbsent(result.windowStart().getEpochSecond(), s -> new ArrayList<>())
				.add(result));
		return finals;
	}

	private static Map<String, Long> nonZero(Map<String, Long> counts) {
		Map<String, Long> nonZero = new TreeMap<>();
		counts.forEach((name, count) -> {
			if (count > 0) {
				nonZero.put(name, count);
			}
		});
		return nonZero;
	}

	private static String header(ConsumerRecord<String, String> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

	/**
	 * Dates that advance a second every hundred events; every 37th event is dated 40 s to 5 min earlier, as a
	 * buffering client sends it: late if its window has closed on its partition by then, out of order if not.
	 */
	static final class SimulatedDates {

		private final SplittableRandom random = new SplittableRandom(7);

		private long events;

		private long offsetSeconds;

		long next() {
			long now = START.getEpochSecond() + this.offsetSeconds + this.events++ / 100;
			return (this.events % 37 == 0) ? now - 40 - this.random.nextLong(260) : now;
		}

		void jump(long seconds) {
			this.offsetSeconds += seconds;
		}

	}

	/**
	 * The windows as the event topic itself has them, partition by partition in offset order, and the exact figures of
	 * each and of all events, late ones too, as the listener counts those in its all-time figures.
	 */
	record Oracle(Map<Long, Map<String, Long>> windows, Map<Long, ExactFigures> figures, ExactFigures allTime,
			Set<Long> closedEverywhere, List<String> late) {

		static Oracle of(String bootstrap) {
			return of(TopicReader.readAll(bootstrap, Topics.EVENTS));
		}

		static Oracle of(List<ConsumerRecord<String, String>> events) {
			ClickEventReader reader = new ClickEventReader(4096);
			Map<Long, Map<String, Long>> windows = new TreeMap<>();
			Map<Long, ExactFigures> figures = new TreeMap<>();
			ExactFigures allTime = new ExactFigures();
			Map<Integer, Long> watermarks = new HashMap<>();
			List<String> late = new ArrayList<>();
			for (ConsumerRecord<String, String> record : events) {
				byte[] value = record.value().getBytes(StandardCharsets.UTF_8);
				TimedEventName event = reader.timedEventName(value);
				ClickEvent click = reader.read(value);
				allTime.add(click);
				long start = Math.floorDiv(event.epochSecond(), SIZE) * SIZE;
				long watermark = watermarks.getOrDefault(record.partition(), Long.MIN_VALUE);
				if (start + SIZE + GRACE <= watermark) {
					late.add(record.partition() + "/" + record.offset());
					continue;
				}
				windows.computeIfAbsent(start, s -> new TreeMap<>()).merge(event.eventName(), 1L, Long::sum);
				figures.computeIfAbsent(start, s -> new ExactFigures()).add(click);
				watermarks.put(record.partition(), Math.max(watermark, event.epochSecond()));
			}
			long lowest = watermarks.values().stream().mapToLong(Long::longValue).min().orElseThrow();
			Set<Long> closed = new TreeSet<>();
			assertThat(watermarks).as("events on every partition").hasSize(3);
			windows.keySet().stream().filter(start -> start + SIZE + GRACE <= lowest).forEach(closed::add);
			return new Oracle(windows, figures, allTime, closed, late);
		}

		Map<String, Long> counts(long start) {
			return this.windows.get(start);
		}

		ExactFigures figures(long start) {
			return this.figures.get(start);
		}

	}

}
