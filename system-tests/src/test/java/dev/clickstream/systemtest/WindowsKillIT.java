package dev.clickstream.systemtest;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import dev.clickstream.systemtest.WindowsAssertions.SimulatedDates;
import dev.clickstream.systemtest.harness.BuiltJars;
import dev.clickstream.systemtest.harness.EventTopicWriter;
import dev.clickstream.systemtest.harness.KafkaBrokerProcess;
import dev.clickstream.systemtest.harness.ProcessGroup;
import dev.clickstream.systemtest.harness.ServiceProcess;
import dev.clickstream.systemtest.harness.Snapshots;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;

/**
 * Event-time windows through three kill -9 of the listener, on input whose dates advance with out-of-order and late
 * events mixed in: the windows are what {@link WindowsAssertions} works out from the input, and the totals stay
 * exact.
 */
class WindowsKillIT {

	private static final int EVENTS = 120_000;

	private static final int CHUNK = 2_000;

	@AutoClose
	ProcessGroup processes = ProcessGroup.forTest("windows-kill");

	@Test
	void everyClosedWindowHasOneFinalResultThatEqualsItsEventsAfterThreeKills() throws InterruptedException {
		KafkaBrokerProcess broker = processes.startBroker();
		String bootstrap = broker.bootstrapServers();
		// An idle timeout longer than the test: windows close by the events' dates alone, as the oracle does.
		ServiceProcess listener = processes.startService("event-listener", BuiltJars.eventListener(), broker,
				"--clickstream.instance-id=windows-kill-it", "--clickstream.snapshots.interval=200ms",
				"--clickstream.windows.idle-timeout=1h");
		EventTopicWriter writer = new EventTopicWriter(bootstrap);
		SimulatedDates dates = new SimulatedDates();
		try (writer; PacedInput input = new PacedInput(() -> writer.writeDated(CHUNK, dates::next), EVENTS / CHUNK,
				200)) {
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
			writer.writeDated(300, dates::next);
		}

		CountsAssertions.awaitExactTotals(bootstrap, writer.written());
		WindowsAssertions.assertWindowsMatchTheInput(bootstrap, 15);
	}

}
