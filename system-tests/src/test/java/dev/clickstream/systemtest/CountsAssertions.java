package dev.clickstream.systemtest;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.clickstream.systemtest.harness.Snapshots;
import dev.clickstream.systemtest.harness.Topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What every snapshot on the topic must satisfy under exactly-once: no count ever above the truth, none ever lower
 * than in an earlier snapshot.
 */
final class CountsAssertions {

	private CountsAssertions() {
	}

	/**
	 * Waits until the newest snapshot shows exactly the expected counts, then checks every snapshot before it.
	 */
	static void awaitExactTotals(String bootstrapServers, Map<String, Long> expected) {
		awaitExactTotals(bootstrapServers, Topics.UNIQUE_EVENTS, expected);
	}

	/** The same on a snapshot topic of another name. */
	static void awaitExactTotals(String bootstrapServers, String topic, Map<String, Long> expected) {
		await("newest snapshot on " + topic + " equals " + expected).atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> assertThat(Snapshots.newest(bootstrapServers, topic)).isEqualTo(expected));
		assertNoSnapshotExceedsAndNoneDecreases(Snapshots.all(bootstrapServers, topic), expected);
	}

	static void assertNoSnapshotExceedsAndNoneDecreases(List<Map<String, Long>> snapshots, Map<String, Long> truth) {
		assertThat(snapshots).as("snapshots").isNotEmpty();
		for (int i = 0; i < snapshots.size(); i++) {
			Map<String, Long> snapshot = snapshots.get(i);
			for (Map.Entry<String, Long> count : snapshot.entrySet()) {
				assertThat(count.getValue()).as("snapshot %d of %d, %s", i, snapshots.size(), count.getKey())
					.isBetween(0L, truth.getOrDefault(count.getKey(), 0L));
				if (i > 0) {
					assertThat(count.getValue()).as("snapshot %d of %d, %s, against the one before", i,
							snapshots.size(), count.getKey())
						.isGreaterThanOrEqualTo(snapshots.get(i - 1).getOrDefault(count.getKey(), 0L));
				}
			}
		}
	}

}
