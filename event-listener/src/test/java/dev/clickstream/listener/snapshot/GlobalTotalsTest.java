package dev.clickstream.listener.snapshot;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import dev.clickstream.listener.changelog.PartitionState;
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
