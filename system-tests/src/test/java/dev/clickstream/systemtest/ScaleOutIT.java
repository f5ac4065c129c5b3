package dev.clickstream.systemtest;

import java.time.Duration;
import java.util.List;

import dev.clickstream.model.MetricNames;
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
 * Three listener instances share the three partitions; mid-stream one stops cleanly and another is killed, then one
 * comes back. Every snapshot shows global totals that never exceed the truth and never go down, and the last one is
 * exact; the windows, whose publisher moves between the instances, are what the input makes them.
 */
class ScaleOutIT {

	private static final int CHUNK = 2_000;

	@AutoClose
	ProcessGroup processes = ProcessGroup.forTest("scale-out");

	@Test
	void threeInstancesCountGlobalTotalsExactlyThroughStopKillAndRestart() throws InterruptedException {
		KafkaBrokerProcess broker = processes.startBroker();
		String bootstrap = broker.bootstrapServers();
		List<ServiceProcess> listeners = List.of(listener(broker, "a"), listener(broker, "b"), listener(broker, "c"));
		EventTopicWriter writer = new EventTopicWriter(bootstrap);
		SimulatedDates dates = new SimulatedDates();
		try (writer; PacedInput input = new PacedInput(() -> writer.writeDated(CHUNK, dates::next), 75, 250)) {
			// One consumer each on three partitions: once the group settles, every instance owns one partition.
			await("every instance counts a share").atMost(Duration.ofMinutes(2))
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> listeners.stream().allMatch(listener -> listener.count(MetricNames.EVENTS_COUNTED) > 0));
			listeners.get(0).stop();
			listeners.get(1).kill();
			long countedAtTheKill = Snapshots.newestTotal(bootstrap);
			await("the survivor counts on").atMost(Duration.ofMinutes(1))
				.until(() -> Snapshots.newestTotal(bootstrap) > countedAtTheKill);
			listeners.get(0).start();
			await("all input written").atMost(Duration.ofMinutes(2)).until(input::allWritten);
			dates.jump(600);
			writer.writeDated(300, dates::next);
		}

		CountsAssertions.awaitExactTotals(bootstrap, writer.written());
		WindowsAssertions.assertWindowsMatchTheInput(bootstrap, 20);
	}

	private ServiceProcess listener(KafkaBrokerProcess broker, String id) {
		return processes.startService("event-listener-" + id, BuiltJars.eventListener(), broker,
				"--clickstream.instance-id=scale-" + id, "--clickstream.snapshots.interval=200ms",
				"--spring.kafka.listener.concurrency=1", "--clickstream.windows.idle-timeout=1h");
	}

}
