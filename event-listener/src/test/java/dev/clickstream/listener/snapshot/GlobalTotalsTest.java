package dev.clickstream.listener.snapshot;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import dev.clickstream.listener.changelog.PartitionState;
import dev.clickstream.listener.sketches.EventSketches;
import dev.clickstream.listener.sketches.TestEvents;
import dev.clickstream.model.AllTimeFigures;
import dev.clickstream.listener.sketches.SketchMerges;

import static org.assertj.core.api.Assertions.assertThat;

class GlobalTotalsTest {

	static final Instant NOW = Instant.parse("2026-11-28T00:00:00Z");

	final GlobalTotals totals = new GlobalTotals(List.of("productview", "purchase"), new SketchMerges(new SimpleMeterRegistry()));

	@Test
	void sumsTheNewestCountsOfEveryPartitionWithKnownNamesFirst() {
		this.totals.update(new PartitionState(0, 10, Map.of("purchase", 4L, "zoom", 1L, "another", 2L)));
		this.totals.update(new PartitionState(1, 5, Map.of("purchase", 1L, "productview", 3L)));

		assertThat(this.totals.snapshot(NOW).counts()).containsExactly(Map.entry("productview", 3L),
				Map.entry("purchase", 5L), Map.entry("another", 2L), Map.entry("zoom", 1L));
	}

	@Test
	void theFiguresSinceTheStartAreThoseOfEachPartitionsNewestCheckpoint() {
		this.totals.update(new PartitionState(0, 10, Map.of("productview", 10L)));
		this.totals.update(new PartitionState(1, 5, Map.of("productview", 5L)));
		long before = this.totals.sketchesVersion();

		assertThat(this.totals.allTime(NOW)).isEmpty();
		assertThat(this.totals.updateSketches(checkpoint(0, 8, "alice", "bob"))).isTrue();
		assertThat(this.totals.updateSketches(checkpoint(1, 5, "alice", "carol", "dave"))).isTrue();
		assertThat(this.totals.updateSketches(checkpoint(0, 7, "erin"))).isFalse();

		AllTimeFigures figures = this.totals.allTime(NOW).orElseThrow();
		assertThat(figures.uniqueUsers().estimate()).isEqualTo(4);
		assertThat(figures.complete()).isTrue();
		assertThat(this.totals.sketchesVersion()).isGreaterThan(before);
	}

	@Test
	void aPartitionWithCountsButNoCheckpointMakesTheFiguresIncomplete() {
		this.totals.update(new PartitionState(0, 10, Map.of("productview", 10L)));
		this.totals.update(new PartitionState(1, 5, Map.of("productview", 5L)));
		this.totals.updateSketches(checkpoint(0, 10, "alice"));

		assertThat(this.totals.allTime(NOW).orElseThrow().complete()).isFalse();
	}

	static PartitionState checkpoint(int partition, long nextOffset, String... users) {
		EventSketches sketches = EventSketches.empty(false);
		for (String user : users) {
			sketches.add(TestEvents.click("productview", user, "lamp"));
		}
		return new PartitionState(partition, nextOffset, Map.of("productview", (long) users.length), 0L, List.of(),
				sketches.sketches());
	}

	@Test
	void showsKnownNamesAtZeroBeforeAnythingIsCounted() {
		assertThat(this.totals.snapshot(NOW).counts()).containsExactly(Map.entry("productview", 0L),
				Map.entry("purchase", 0L));
	}

	@Test
	void olderOrRepeatedCountsOfAPartitionChangeNothing() {
		this.totals.update(new PartitionState(0, 10, Map.of("purchase", 4L)));
		long version = this.totals.version();

		assertThat(this.totals.update(new PartitionState(0, 10, Map.of("purchase", 4L)))).isFalse();
		assertThat(this.totals.update(new PartitionState(0, 7, Map.of("purchase", 2L)))).isFalse();
		assertThat(this.totals.version()).isEqualTo(version);
		assertThat(this.totals.snapshot(NOW).counts()).containsEntry("purchase", 4L);
	}

	@Test
	void newerCountsReplaceRatherThanAdd() {
		this.totals.update(new PartitionState(0, 10, Map.of("purchase", 4L)));
		assertThat(this.totals.update(new PartitionState(0, 12, Map.of("purchase", 6L)))).isTrue();

		assertThat(this.totals.snapshot(NOW).counts()).containsEntry("purchase", 6L);
	}

}
