package dev.clickstream.systemtest;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import dev.clickstream.systemtest.harness.BuiltJars;
import dev.clickstream.systemtest.harness.EventTopicWriter;
import dev.clickstream.systemtest.harness.KafkaBrokerProcess;
import dev.clickstream.systemtest.harness.ProcessGroup;
import dev.clickstream.systemtest.harness.ServiceProcess;
import dev.clickstream.systemtest.harness.Snapshots;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * kill -9 of the broker mid-stream and a start on the same data: the listener recovers by itself, nothing is lost or
 * counted twice.
 */
class BrokerKillIT {

	@AutoClose
	ProcessGroup processes = ProcessGroup.forTest("broker-kill");

	@Test
	void theListenerRecoversFromABrokerKillWithExactCounts() {
		KafkaBrokerProcess broker = processes.startBroker();
		String bootstrap = broker.bootstrapServers();
		ServiceProcess listener = processes.startService("event-listener", BuiltJars.eventListener(), broker,
				"--clickstream.instance-id=broker-kill-it", "--clickstream.snapshots.interval=200ms",
				"--spring.kafka.consumer.max-poll-records=1000");
		EventTopicWriter before = new EventTopicWriter(bootstrap);
		before.write(100_000, 0);
		before.close();
		await("counting under way").atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> Snapshots.newestTotal(bootstrap) >= 10_000);

		broker.kill();
		broker.start();

		try (EventTopicWriter after = new EventTopicWriter(bootstrap)) {
			after.write(20_000, 0);
			Map<String, Long> expected = new TreeMap<>(before.written());
			after.written().forEach((name, count) -> expected.merge(name, count, Long::sum));
			CountsAssertions.awaitExactTotals(bootstrap, expected);
		}
		assertThat(listener.isAlive()).as("the listener recovered without a restart").isTrue();
		await("health UP again").atMost(Duration.ofMinutes(1)).until(listener::isUp);
	}

}
