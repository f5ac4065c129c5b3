package dev.clickstream.systemtest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.clickstream.systemtest.harness.BuiltJars;
import dev.clickstream.systemtest.harness.EventTopicWriter;
import dev.clickstream.systemtest.harness.KafkaBrokerProcess;
import dev.clickstream.systemtest.harness.ProcessGroup;
import dev.clickstream.systemtest.harness.ServiceProcess;
import dev.clickstream.systemtest.harness.Snapshots;
import dev.clickstream.systemtest.harness.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Restarts change no count, and a new instance takes its totals from the changelog: the event topic is emptied
 * before it starts, so it could not have counted them again.
 */
class RestoreIT {

	@AutoClose
	ProcessGroup processes = ProcessGroup.forTest("restore");

	@Test
	void aFreshInstanceRestoresTheTotalsWithoutTheEventTopic() throws Exception {
		KafkaBrokerProcess broker = processes.startBroker();
		String bootstrap = broker.bootstrapServers();
		ServiceProcess first = processes.startService("event-listener-first", BuiltJars.eventListener(), broker,
				"--clickstream.instance-id=restore-first");
		Map<String, Long> written;
		try (EventTopicWriter writer = new EventTopicWriter(bootstrap)) {
			writer.write(50_000, 0);
			written = writer.written();
		}
		await("counted").atMost(Duration.ofMinutes(2))
			.untilAsserted(() -> assertThat(Snapshots.newest(bootstrap)).isEqualTo(written));

		first.kill();
		first.start();
		await("the restarted instance republishes").atMost(Duration.ofMinutes(1))
			.ignoreExceptions()
			.untilAsserted(() -> assertThat(first.getJson("/api/counts").path("purchase").asLong())
				.isEqualTo(written.get("purchase")));
		first.stop();
		emptyTheEventTopic(bootstrap);
		int snapshotsBefore = Snapshots.all(bootstrap).size();

		processes.startService("event-listener-fresh", BuiltJars.eventListener(), broker,
				"--clickstream.instance-id=restore-fresh");

		await("the fresh instance publishes the restored totals").atMost(Duration.ofMinutes(1))
			.until(() -> Snapshots.all(bootstrap).size() > snapshotsBefore);
		List<Map<String, Long>> snapshots = Snapshots.all(bootstrap);
		assertThat(Snapshots.newest(bootstrap)).isEqualTo(written);
		CountsAssertions.assertNoSnapshotExceedsAndNoneDecreases(snapshots, written);
	}

	private static void emptyTheEventTopic(String bootstrap) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
			Map<TopicPartition, OffsetSpec> partitions = admin.describeTopics(List.of(Topics.EVENTS))
				.allTopicNames()
				.get()
				.get(Topics.EVENTS)
				.partitions()
				.stream()
				.collect(Collectors.toMap(info -> new TopicPartition(Topics.EVENTS, info.partition()),
						info -> OffsetSpec.latest()));
			Map<TopicPartition, RecordsToDelete> deletions = admin.listOffsets(partitions)
				.all()
				.get()
				.entrySet()
				.stream()
				.collect(Collectors.toMap(Map.Entry::getKey,
						end -> RecordsToDelete.beforeOffset(end.getValue().offset())));
			admin.deleteRecords(deletions).all().get();
		}
	}

}
