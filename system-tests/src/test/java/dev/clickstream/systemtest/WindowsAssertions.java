package dev.clickstream.systemtest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

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
 * topic holds exactly the events the input makes late, once each.
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
		Oracle oracle = Oracle.of(TopicReader.readAll(bootstrap, Topics.EVENTS));
		assertThat(oracle.closedEverywhere()).as("windows the input closes on every partition")
			.hasSizeGreaterThanOrEqualTo(minimumClosed);
		assertThat(oracle.late()).as("events the input makes late").isNotEmpty();

		await("a final result for every window closed everywhere").atMost(Duration.ofMinutes(2))
			.until(() -> finals(readResults(bootstrap)).keySet().containsAll(oracle.closedEverywhere()));
		List<WindowResult> results = readResults(bootstrap);
		Map<Long, List<WindowResult>> finals = finals(results);
		assertThat(finals.keySet()).as("final results only of windows closed everywhere")
			.containsExactlyInAnyOrderElementsOf(oracle.closedEverywhere());
		for (long start : oracle.closedEverywhere()) {
			assertThat(finals.get(start)).as("final results of %s", Instant.ofEpochSecond(start)).hasSize(1);
			Map<String, Long> expected = oracle.counts(start);
			WindowResult result = finals.get(start).get(0);
			assertThat(nonZero(result.counts())).as("final counts of %s", Instant.ofEpochSecond(start))
				.isEqualTo(expected);
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
		List<String> lateOnTopic = TopicReader.readAll(bootstrap, Topics.LATE_EVENTS)
			.stream()
			.map(record -> record.partition() + "/" + header(record, "late.original.offset"))
			.toList();
		assertThat(lateOnTopic).as("late events, each once").doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(oracle.late());
	}

	private static List<WindowResult> readResults(String bootstrap) {
		List<WindowResult> results = new ArrayList<>();
		for (ConsumerRecord<String, String> record : TopicReader.readAll(bootstrap, Topics.WINDOW_RESULTS)) {
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

	/** The windows as the event topic itself has them, partition by partition in offset order. */
	private record Oracle(Map<Long, Map<String, Long>> windows, Set<Long> closedEverywhere, List<String> late) {

		static Oracle of(List<ConsumerRecord<String, String>> events) {
			ClickEventReader reader = new ClickEventReader(4096);
			Map<Long, Map<String, Long>> windows = new TreeMap<>();
			Map<Integer, Long> watermarks = new HashMap<>();
			List<String> late = new ArrayList<>();
			for (ConsumerRecord<String, String> record : events) {
				TimedEventName event = reader.timedEventName(record.value().getBytes(StandardCharsets.UTF_8));
				long start = Math.floorDiv(event.epochSecond(), SIZE) * SIZE;
				long watermark = watermarks.getOrDefault(record.partition(), Long.MIN_VALUE);
				if (start + SIZE + GRACE <= watermark) {
					late.add(record.partition() + "/" + record.offset());
					continue;
				}
				windows.computeIfAbsent(start, s -> new TreeMap<>()).merge(event.eventName(), 1L, Long::sum);
				watermarks.put(record.partition(), Math.max(watermark, event.epochSecond()));
			}
			long lowest = watermarks.values().stream().mapToLong(Long::longValue).min().orElseThrow();
			Set<Long> closed = new HashSet<>();
			assertThat(watermarks).as("events on every partition").hasSize(3);
			windows.keySet().stream().filter(start -> start + SIZE + GRACE <= lowest).forEach(closed::add);
			return new Oracle(windows, closed, late);
		}

		Map<String, Long> counts(long start) {
			return this.windows.get(start);
		}

	}

}
