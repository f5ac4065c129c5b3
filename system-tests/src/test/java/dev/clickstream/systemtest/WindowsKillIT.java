package dev.clickstream.systemtest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import dev.clickstream.model.AllTimeFigures;
import dev.clickstream.model.WindowResult;
import dev.clickstream.systemtest.WindowsAssertions.Oracle;
import dev.clickstream.systemtest.WindowsAssertions.SimulatedDates;
import dev.clickstream.systemtest.harness.BuiltJars;
import dev.clickstream.systemtest.harness.EventTopicWriter;
import dev.clickstream.systemtest.harness.KafkaBrokerProcess;
import dev.clickstream.systemtest.harness.ProcessGroup;
import dev.clickstream.systemtest.harness.ServiceProcess;
import dev.clickstream.systemtest.harness.Shop;
import dev.clickstream.systemtest.harness.Snapshots;
import dev.clickstream.systemtest.harness.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Event-time windows through three kill -9 of the listener, on input whose dates advance with out-of-order and late
 * events mixed in: the windows are what {@link WindowsAssertions} works out from the input, and the totals stay
 * exact. Their unique users and top products, and the all-time ones, are within bounds of the exact figures, and the
 * same as those of a second listener that counts the same input without being killed: sketches restored after a kill
 * go on as if there had been none.
 */
class WindowsKillIT {

	private static final int EVENTS = 120_000;

	private static final int CHUNK = 2_000;

	private static final int MINIMUM_CLOSED = 15;

	private static final JsonMapper json = JsonMapper.builder().build();

	@AutoClose
	ProcessGroup processes = ProcessGroup.forTest("windows-kill");

	@Test
	void everyClosedWindowHasOneFinalResultThatEqualsItsEventsAndAnUninterruptedRunAfterThreeKills() throws InterruptedException {
		KafkaBrokerProcess broker = processes.startBroker();
		String bootstrap = broker.bootstrapServers();
		ServiceProcess listener = processes.startService("event-listener", BuiltJars.eventListener(), broker,
				listenerArguments("windows-kill-it").toArray(String[]::new));
		EventTopicWriter writer = new EventTopicWriter(bootstrap);
		SimulatedDates dates = new SimulatedDates();
		// More products than a frequent-items sketch counts exactly, and more users a window than the HLL sketch
		// keeps one by one: both sketches estimate rather than count, and the frequent-items ones purge. Every window
		// draws from the same pool and sees most of it, so the windows' user estimates err alike: with this seed 2 to
		// 3% high, as any HLL sketch of the pool is, which brings a few within a few users of the 95% bounds. They are
		// the same on every run, as the input is; another seed or pool may move one past them.
		Shop shop = new Shop(11, 3_000, 1_000);
		try (writer; PacedInput input = new PacedInput(() -> writer.writeDated(CHUNK, dates::next, shop),
				EVENTS / CHUNK, 200)) {
			for (int kill = 1; kill <= 3; kill++) {
				long threshold = (long) (EVENTS * (0.15 * kill + ThreadLocalRandom.current().nextDouble(0.1)));
				await("snapshot total past " + threshold).atMost(Duration.ofMinutes(2))
					.pollInterval(Duration.ofMillis(100))
					.until(() -> Snapshots.newestTotal(bootstrap) >= threshold);
				listener.kill();
				listener.start();
			}
			await("all input written").atMost(Duration.ofMinutes(2)).until(input::allWritten);
			// Events ten minutes on, on every partition, close every earlier window.
			dates.jump(600);
			writer.writeDated(300, dates::next, shop);
		}

		CountsAssertions.awaitExactTotals(bootstrap, writer.written());
		Oracle oracle = Oracle.of(bootstrap);
		assertThat(oracle.closedEverywhere()).as("windows that view more products than a sketch counts exactly")
			.anyMatch(start -> oracle.figures(start).productsViewed() > ExactFigures.EXACT_PRODUCTS);
		Map<Long, WindowResult> killed = WindowsAssertions.assertWindowsMatchTheInput(bootstrap,
				ListenerTopics.defaults(), oracle, MINIMUM_CLOSED);
		WindowsAssertions.assertFiguresWithinBounds(killed, oracle);

		// The same input counted again from its start, by a listener of its own topics and groups that is never
		// killed: what the killed one should have come to.
		ListenerTopics referenceTopics = ListenerTopics.prefixed("reference");
		List<String> reference = new ArrayList<>(listenerArguments("windows-kill-it-reference"));
		reference.addAll(referenceTopics.arguments());
		reference.addAll(List.of("--spring.kafka.consumer.group-id=reference-event-listener",
				"--clickstream.snapshots.group-id=reference-event-listener-snapshots",
				"--clickstream.windows.group-id=reference-event-listener-windows"));
		processes.startService("event-listener-reference", BuiltJars.eventListener(), broker,
				reference.toArray(String[]::new));
		CountsAssertions.awaitExactTotals(bootstrap, referenceTopics.uniqueEvents(), writer.written());
		Map<Long, WindowResult> uninterrupted = WindowsAssertions.assertWindowsMatchTheInput(bootstrap,
				referenceTopics, oracle, MINIMUM_CLOSED);
		WindowsAssertions.assertSameFigures(killed, uninterrupted);

		// The figures since the start follow the counts by a checkpoint: once the events pause, each partition's
		// last one has them all.
		await("all-time figures of every event, the same from both listeners").atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> {
				AllTimeFigures allTime = newestAllTime(bootstrap, ListenerTopics.defaults().allTime());
				AllTimeFigures uninterruptedAllTime = newestAllTime(bootstrap, referenceTopics.allTime());
				assertThat(allTime.complete()).as("all-time figures cover every event").isTrue();
				assertThat(uninterruptedAllTime.complete())
					.as("all-time figures of the second listener cover every event")
					.isTrue();
				assertThat(allTime.uniqueUsers()).as("all-time unique users")
					.isEqualTo(uninterruptedAllTime.uniqueUsers());
				assertThat(allTime.topProducts()).as("all-time top products")
					.isEqualTo(uninterruptedAllTime.topProducts());
				oracle.allTime().assertEstimatedBy(allTime.uniqueUsers(), allTime.topProducts(), "all time");
			});
	}

	// An idle timeout longer than the test: windows close by the events' dates alone, as the oracle does.
	private static List<String> listenerArguments(String instanceId) {
		return List.of("--clickstream.instance-id=" + instanceId, "--clickstream.snapshots.interval=200ms",
				"--clickstream.windows.idle-timeout=1h");
	}

	/** The newest figures since the start a listener published. */
	private static AllTimeFigures newestAllTime(String bootstrap, String topic) {
		ConsumerRecord<String, String> newest = TopicReader.readLatest(bootstrap, topic, 0)
			.orElseThrow(() -> new AssertionError("no all-time figures on " + topic));
		return json.readValue(newest.value(), AllTimeFigures.class);
	}

}
