package dev.clickstream.systemtest;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import dev.clickstream.systemtest.harness.BuiltJars;
import dev.clickstream.systemtest.harness.EventTopicWriter;
import dev.clickstream.systemtest.harness.KafkaBrokerProcess;
import dev.clickstream.systemtest.harness.ProcessGroup;
import dev.clickstream.systemtest.harness.ServiceProcess;
import dev.clickstream.systemtest.harness.Snapshots;
import dev.clickstream.systemtest.harness.TopicReader;
import dev.clickstream.systemtest.harness.Topics;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * kill -9 of the listener while it counts, three times, at random points: the totals stay exact, and no snapshot a
 * read_committed reader could see ever counted an event twice.
 */
class ListenerKillIT {

	private static final int EVENTS = 200_000;

	private static final int CHUNK = 2_000;

	private static final int POISON_EVERY = 997;

	@AutoClose
	ProcessGroup processes = ProcessGroup.forTest("listener-kill");

	@Test
	void countsEachEventExactlyOnceAfterThreeKills() throws InterruptedException {
		KafkaBrokerProcess broker = processes.startBroker();
		String bootstrap = broker.bootstrapServers();
		ServiceProcess listener = processes.startService("event-listener", BuiltJars.eventListener(), broker,
				"--clickstream.instance-id=kill-it", "--clickstream.snapshots.interval=200ms");
		EventTopicWriter writer = new EventTopicWriter(bootstrap);
		// Input keeps arriving while the listener dies and comes back, so it dies with a transaction open.
		try (writer; PacedInput input = new PacedInput(() -> writer.write(CHUNK, POISON_EVERY), EVENTS / CHUNK, 200)) {
			for (int kill = 1; kill <= 3; kill++) {
				long threshold = (long) (EVENTS * (0.15 * kill + ThreadLocalRandom.current().nextDouble(0.1)));
				await("snapshot total past " + threshold).atMost(Duration.ofMinutes(2))
					.pollInterval(Duration.ofMillis(100))
					.until(() -> Snapshots.newestTotal(bootstrap) >= threshold);
				listener.kill();
				listener.start();
			}
			await("all input written").atMost(Duration.ofMinutes(2)).until(input::allWritten);
		}

		CountsAssertions.awaitExactTotals(bootstrap, writer.written());
		assertThat(writer.totalWritten() + writer.poisonWritten()).isEqualTo(EVENTS);
		assertThat(TopicReader.readAll(bootstrap, Topics.DEAD_LETTERS)).as("dead letters, each exactly once")
			.hasSize((int) writer.poisonWritten());
	}

}
