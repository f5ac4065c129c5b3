package dev.clickstream.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RateHistoryTest {

	private static final long HISTORY = 60_000;

	private static final long WINDOW = 2_000;

	private static final long SPACING = 500;

	private static final long IDLE_AFTER = 5_000;

	private final RateHistory history = new RateHistory(HISTORY, WINDOW, SPACING, IDLE_AFTER);

	@Test
	void oneSnapshotGivesNoRateYet() {
		assertThat(this.history.observe(0, counts(0, 0))).isNull();
		assertThat(this.history.points()).isEmpty();
	}

	@Test
	void ratePerEventNameIsTheGrowthOfItsCountOverTheTimeBetweenSnapshots() {
		this.history.observe(10_000, counts(1_000, 500));
		RateHistory.Point point = this.history.observe(11_000, counts(1_600, 550));

		assertThat(point).isNotNull();
		assertThat(point.time()).isEqualTo(11_000);
		assertThat(point.rates()).containsExactly(Map.entry("productview", 600.0), Map.entry("purchase", 50.0));
		assertThat(point.total()).isEqualTo(650.0);
		assertThat(this.history.points()).containsExactly(point);
	}

	@Test
	void aRateSpansTheWindowSoThatASnapshotSeenLateOrEarlyDoesNotMakeASpike() {
		this.history.observe(0, counts(0, 0));
		this.history.observe(1_000, counts(1_000, 0));
		// seen 400 ms late, then 450 ms early: per snapshot that would be 714/s, then 1,818/s
		this.history.observe(2_400, counts(2_000, 0));
		RateHistory.Point point = this.history.observe(2_950, counts(3_000, 0));

		assertThat(point).isNotNull();
		// from the snapshot seen at 0 ms, the newest one at least 2 s before: 3,000 events in 2.95 s
		assertThat(point.rates().get("productview")).isEqualTo(1_016.9);
	}

	@Test
	void ratesAreZeroOnceTheTotalsStopChangingAndStartFreshAfterThePause() {
		this.history.observe(0, counts(0, 0));
		this.history.observe(1_000, counts(100, 100));

		assertThat(this.history.observe(5_000, counts(100, 100))).as("not yet idle").isNull();
		RateHistory.Point idle = this.history.observe(6_000, counts(100, 100));
		assertThat(idle).isNotNull();
		assertThat(idle.rates()).containsOnly(Map.entry("productview", 0.0), Map.entry("purchase", 0.0));

		this.history.observe(8_000, counts(100, 100));
		RateHistory.Point resumed = this.history.observe(9_000, counts(300, 100));
		assertThat(resumed).isNotNull();
		// from the totals still seen at 6 s (the newest at least 2 s before), not from before the pause at 1 s,
		// which would make it 25/s: 200 events in 3 s
		assertThat(resumed.rates().get("productview")).isEqualTo(66.7);
	}

	@Test
	void makesAtMostOnePointPerSpacingWhenSnapshotsComeFaster() {
		this.history.observe(0, counts(0, 0));
		assertThat(this.history.observe(100, counts(10, 0))).isNotNull();
		assertThat(this.history.observe(200, counts(20, 0))).isNull();
		assertThat(this.history.observe(500, counts(50, 0))).isNull();
		assertThat(this.history.observe(600, counts(60, 0))).isNotNull();
		assertThat(this.history.points()).extracting(RateHistory.Point::time).containsExactly(100L, 600L);
	}

	@Test
	void keepsOnlyTheLastHistory() {
		for (int second = 0; second <= 120; second++) {
			this.history.observe(second * 1_000L, counts(second * 10L, 0));
		}
		assertThat(this.history.points()).hasSize(61);
		assertThat(this.history.points().get(0).time()).isEqualTo(60_000);
		assertThat(this.history.newest().time()).isEqualTo(120_000);
	}

	@Test
	void totalsThatGoDownShowNoNegativeRate() {
		this.history.observe(0, counts(1_000, 1_000));
		RateHistory.Point point = this.history.observe(1_000, counts(10, 1_010));

		assertThat(point.rates()).containsExactly(Map.entry("productview", 0.0), Map.entry("purchase", 10.0));
	}

	@Test
	void aNameSeenForTheFirstTimeCountsFromZero() {
		this.history.observe(0, counts(0, 0));
		Map<String, Long> withNewName = new LinkedHashMap<>(counts(0, 0));
		withNewName.put("wishlist", 30L);
		RateHistory.Point point = this.history.observe(1_000, withNewName);

		assertThat(point.rates()).containsEntry("wishlist", 30.0);
	}

	private static Map<String, Long> counts(long productview, long purchase) {
		Map<String, Long> counts = new LinkedHashMap<>();
		counts.put("productview", productview);
		counts.put("purchase", purchase);
		return counts;
	}

}
