package dev.clickstream.systemtest;

import dev.clickstream.model.MetricNames;
import dev.clickstream.systemtest.harness.BuiltJars;
import dev.clickstream.systemtest.harness.EventTopicWriter;
import dev.clickstream.systemtest.harness.KafkaBrokerProcess;
import dev.clickstream.systemtest.harness.ProcessGroup;
import dev.clickstream.systemtest.harness.ServiceProcess;
import dev.clickstream.systemtest.harness.TopicReader;
import dev.clickstream.systemtest.harness.Topics;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every third batch fails after it wrote its counts, snapshots and dead letters, before its commit: none of what it
 * wrote is seen, and the counts stay exact.
 */
class RollbackIT {

	@AutoClose
	ProcessGroup processes = ProcessGroup.forTest("rollback");

	@Test
	void rolledBackBatchesLeaveNoTrace() {
		KafkaBrokerProcess broker = processes.startBroker();
		String bootstrap = broker.bootstrapServers();
		ServiceProcess listener = processes.startService("event-listener", BuiltJars.eventListener(), broker,
				"--clickstream.instance-id=rollback-it", "--clickstream.snapshots.interval=200ms",
				"--clickstream.faults.fail-every-nth-batch=3", "--spring.kafka.consumer.max-poll-records=500");
		try (EventTopicWriter writer = new EventTopicWriter(bootstrap)) {
			writer.write(30_000, 499);

			CountsAssertions.awaitExactTotals(bootstrap, writer.written());
			assertThat(TopicReader.readAll(bootstrap, Topics.DEAD_LETTERS)).hasSize((int) writer.poisonWritten());
		}
		assertThat(listener.count(MetricNames.FAULTS_INJECTED)).as("batches rolled back on purpose")
			.isGreaterThanOrEqualTo(5);
	}

}
