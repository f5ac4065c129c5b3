package dev.clickstream.systemtest;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.clickstream.systemtest.harness.BuiltJars;
import dev.clickstream.systemtest.harness.ClickEventWriter;
import dev.clickstream.systemtest.harness.KafkaBrokerProcess;
import dev.clickstream.systemtest.harness.ProcessGroup;
import dev.clickstream.systemtest.harness.ServiceProcess;
import dev.clickstream.systemtest.harness.Snapshots;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three listener instances share the three partitions; mid-stream one stops cleanly and another is killed, then one
 * comes back. Every snapshot shows global totals that never exceed the truth and never go down, and the last one is
 * exact.
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
		ClickEventWriter writer = new ClickEventWriter(bootstrap);
		AtomicInteger chunksLeft = new AtomicInteger(75);
		ScheduledExecutorService input = Executors.newSingleThreadScheduledExecutor();
		input.scheduleAtFixedRate(() -> {
			if (chunksLeft.getAndDecrement() > 0) {
				writer.write(CHUNK, 0);
			}
		}, 0, 250, TimeUnit.MILLISECONDS);
		try {
			await("every instance counts a share").atMost(Duration.ofMinutes(2))
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> listeners.stream().filter(listener -> counted(listener) > 0).count() >= 2);
			listeners.get(0).stop();
			listeners.get(1).kill();
			await("the survivor counts on").atMost(Duration.ofMinutes(1))
				.until(() -> Snapshots.newest(bootstrap).values().stream().mapToLong(Long::longValue).sum() > 0);
			listeners.get(0).start();
			await("all input written").atMost(Duration.ofMinutes(2)).until(() -> chunksLeft.get() <= 0);
		}
		finally {
			input.shutdown();
			assertThat(input.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
			writer.close();
		}

		await("newest snapshot equals everything written").atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> assertThat(Snapshots.newest(bootstrap)).isEqualTo(writer.written()));
		CountsAssertions.assertNoSnapshotExceedsAndNoneDecreases(Snapshots.all(bootstrap), writer.written());
	}

	private ServiceProcess listener(KafkaBrokerProcess broker, String id) {
		return processes.startService("event-listener-" + id, BuiltJars.eventListener(), broker,
				"--clickstream.instance-id=scale-" + id, "--clickstream.snapshots.interval=200ms",
				"--spring.kafka.listener.concurrency=1");
	}

	private static double counted(ServiceProcess listener) {
		try {
			return listener.getJson("/actuator/metrics/clickstream.events.counted")
				.path("measurements")
				.get(0)
				.path("value")
				.asDouble();
		}
		catch (RuntimeException notYetRegistered) {
			return 0;
		}
	}

}
