package dev.clickstream.dashboard.topics;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.clickstream.dashboard.topics.PipelineSample.GroupSample;
import dev.clickstream.dashboard.topics.PipelineSample.TopicSample;
import dev.clickstream.dashboard.topics.RatesView.GroupPoint;
import dev.clickstream.dashboard.topics.RatesView.GroupRate;
import dev.clickstream.dashboard.topics.RatesView.PartitionLag;
import dev.clickstream.dashboard.topics.RatesView.TopicPoint;
import dev.clickstream.dashboard.topics.RatesView.TopicRate;

import static org.assertj.core.api.Assertions.assertThat;

class TopicRatesTest {

	static final long T0 = 1_796_206_500_000L;

	final TopicRates rates = new TopicRates(300_000, 5.0);

	@Test
	void theFirstSampleGivesTotalsAndLagButNoRate() {
		this.rates.add(sample(T0, Map.of(0, 100L, 1, 200L), Map.of(0, 1_000L, 1, 2_000L), Map.of(0, 90L, 1, 200L)));

		RatesView view = this.rates.view();
		TopicRate topic = view.topics().get(0);
		assertThat(topic.records()).isEqualTo(300);
		assertThat(topic.bytes()).isEqualTo(3_000L);
		assertThat(topic.recordsPerSecond()).isNull();
		assertThat(topic.bytesPerSecond()).isNull();
		assertThat(topic.history()).isEmpty();
		GroupRate group = view.groups().get(0);
		assertThat(group.recordsPerSecond()).isNull();
		assertThat(group.lag()).isEqualTo(10L);
		assertThat(group.lagByPartition()).containsExactly(new PartitionLag(0, 100, 90, 10), new PartitionLag(1, 200, 200, 0));
		assertThat(view.sampledAt()).hasToString("2026-12-02T10:15:00Z");
		assertThat(view.stale()).isFalse();
	}

	@Test
	void twoSamplesGiveRatesPerSecondOverTheTimeBetweenThem() {
		this.rates.add(sample(T0, Map.of(0, 100L, 1, 200L), Map.of(0, 1_000L, 1, 2_000L), Map.of(0, 90L, 1, 200L)));
		this.rates.add(sample(T0 + 4_000, Map.of(0, 150L, 1, 270L), Map.of(0, 5_000L, 1, 4_000L),
				Map.of(0, 150L, 1, 230L)));

		TopicRate topic = this.rates.view().topics().get(0);
		assertThat(topic.recordsPerSecond()).isEqualTo(30.0);
		assertThat(topic.bytesPerSecond()).isEqualTo(1_500.0);
		assertThat(topic.history()).containsExactly(new TopicPoint(T0 + 4_000, 30.0, 1_500.0));
		GroupRate group = this.rates.view().groups().get(0);
		assertThat(group.recordsPerSecond()).isEqualTo(22.5);
		// 6,000 bytes came with 120 records: 50 bytes each, and so 22.5 records/s read are 1,125 bytes/s.
		assertThat(group.bytesPerSecond()).isEqualTo(1_125.0);
		assertThat(group.lag()).isEqualTo(40L);
		// The lag is known from the first sample on, the rate from the second.
		assertThat(group.history()).containsExactly(new GroupPoint(T0, null, 10L, null),
				new GroupPoint(T0 + 4_000, 22.5, 40L, 1_125.0));
	}

	@Test
	void aPartitionWhoseFigureWentDownSitsTheRateOut() {
		// Partition 0 was created anew (its offsets start over) and its log compacted; partition 1 grew.
		this.rates.add(sample(T0, Map.of(0, 100L, 1, 200L), Map.of(0, 9_000L, 1, 2_000L), Map.of()));
		this.rates.add(sample(T0 + 5_000, Map.of(0, 10L, 1, 250L), Map.of(0, 400L, 1, 2_500L), Map.of()));

		TopicRate topic = this.rates.view().topics().get(0);
		assertThat(topic.recordsPerSecond()).isEqualTo(10.0);
		assertThat(topic.bytesPerSecond()).isEqualTo(100.0);
	}

	@Test
	void onlyPartitionsThatWentDownGiveNoRate() {
		this.rates.add(sample(T0, Map.of(0, 100L), Map.of(0, 9_000L), Map.of()));
		this.rates.add(sample(T0 + 5_000, Map.of(0, 150L), Map.of(0, 400L), Map.of()));

		TopicRate topic = this.rates.view().topics().get(0);
		assertThat(topic.recordsPerSecond()).isEqualTo(10.0);
		assertThat(topic.bytesPerSecond()).isNull();
		assertThat(topic.history()).containsExactly(new TopicPoint(T0 + 5_000, 10.0, null));
	}

	@Test
	void aPartitionMissingFromOneSampleIsLeftOutOfThatRate() {
		// Partition 1's broker did not report its log size the first time; partition 2 is new.
		this.rates.add(sample(T0, Map.of(0, 100L, 1, 100L), Map.of(0, 1_000L), Map.of(0, 100L)));
		this.rates.add(sample(T0 + 5_000, Map.of(0, 150L, 1, 200L, 2, 7_000L), Map.of(0, 2_000L, 1, 80_000L),
				Map.of(0, 120L, 2, 7_000L)));

		TopicRate topic = this.rates.view().topics().get(0);
		assertThat(topic.recordsPerSecond()).isEqualTo(30.0);
		assertThat(topic.bytesPerSecond()).isEqualTo(200.0);
		GroupRate group = this.rates.view().groups().get(0);
		assertThat(group.recordsPerSecond()).isEqualTo(4.0);
		assertThat(group.lagByPartition()).extracting(PartitionLag::partition).containsExactly(0, 2);
	}

	@Test
	void aGroupWithoutCommittedOffsetsHasNoLagAndOneAheadOfTheEndIsNotBehind() {
		this.rates.add(new PipelineSample(T0,
				List.of(new TopicSample("event-topic", 2, Map.of(0, 100L, 1, 50L), Map.of())),
				List.of(new GroupSample("event-listener", "event-topic", Map.of(0, 103L)),
						new GroupSample("event-listener-other", "event-topic", Map.of()))));

		List<GroupRate> groups = this.rates.view().groups();
		assertThat(groups.get(0).lag()).isZero();
		assertThat(groups.get(0).lagByPartition()).containsExactly(new PartitionLag(0, 100, 103, 0));
		assertThat(groups.get(1).lag()).isNull();
		assertThat(groups.get(1).lagByPartition()).isEmpty();
		assertThat(this.rates.view().topics().get(0).bytes()).isNull();
	}

	@Test
	void aFailedSampleKeepsTheLastGoodFiguresMarkedStaleUntilOneWorksAgain() {
		this.rates.add(sample(T0, Map.of(0, 100L), Map.of(0, 1_000L), Map.of(0, 90L)));
		this.rates.add(sample(T0 + 5_000, Map.of(0, 150L), Map.of(0, 2_000L), Map.of(0, 140L)));

		this.rates.failed("TimeoutException: Timed out waiting for a node assignment");

		RatesView stale = this.rates.view();
		assertThat(stale.stale()).isTrue();
		assertThat(stale.error()).contains("Timed out");
		assertThat(stale.sampledAt()).hasToString("2026-12-02T10:15:05Z");
		assertThat(stale.topics().get(0).recordsPerSecond()).isEqualTo(10.0);

		// Back after 20 s: the rate spans the outage, from the last good sample.
		this.rates.add(sample(T0 + 25_000, Map.of(0, 350L), Map.of(0, 4_000L), Map.of(0, 350L)));

		RatesView back = this.rates.view();
		assertThat(back.stale()).isFalse();
		assertThat(back.error()).isNull();
		assertThat(back.topics().get(0).recordsPerSecond()).isEqualTo(10.0);
		assertThat(back.topics().get(0).history()).hasSize(2);
	}

	@Test
	void theHistoryKeepsOnlyItsLastMinutes() {
		for (int i = 0; i <= 200; i++) {
			this.rates.add(sample(T0 + i * 5_000L, Map.of(0, i * 10L), Map.of(0, i * 100L), Map.of(0, i * 10L)));
		}

		List<TopicPoint> history = this.rates.view().topics().get(0).history();
		assertThat(history).hasSize(61);
		assertThat(history.get(0).time()).isEqualTo(T0 + 140 * 5_000L);
		assertThat(history.get(60).time()).isEqualTo(T0 + 200 * 5_000L);
		assertThat(this.rates.view().groups().get(0).history()).hasSize(61);
	}

	@Test
	void aTopicThatIsGoneTakesItsHistoryWithIt() {
		this.rates.add(sample(T0, Map.of(0, 100L), Map.of(0, 1_000L), Map.of()));
		this.rates.add(sample(T0 + 5_000, Map.of(0, 150L), Map.of(0, 2_000L), Map.of()));
		this.rates.add(new PipelineSample(T0 + 10_000, List.of(), List.of()));
		this.rates.add(sample(T0 + 15_000, Map.of(0, 10L), Map.of(0, 100L), Map.of()));

		TopicRate topic = this.rates.view().topics().get(0);
		assertThat(topic.recordsPerSecond()).isNull();
		assertThat(topic.history()).isEmpty();
	}

	@Test
	void withNothingWrittenBetweenSamplesAGroupsBytesOutAreAtTheWholeLogsMeanRecordSize() {
		this.rates.add(sample(T0, Map.of(0, 100L, 1, 200L), Map.of(0, 1_000L, 1, 2_000L), Map.of(0, 90L, 1, 150L)));
		this.rates.add(sample(T0 + 5_000, Map.of(0, 100L, 1, 200L), Map.of(0, 1_000L, 1, 2_000L),
				Map.of(0, 100L, 1, 200L)));

		GroupRate group = this.rates.view().groups().get(0);
		assertThat(this.rates.view().topics().get(0).recordsPerSecond()).isZero();
		assertThat(group.recordsPerSecond()).isEqualTo(12.0);
		// 3,000 bytes of 300 records: 10 bytes each.
		assertThat(group.bytesPerSecond()).isEqualTo(120.0);
	}

	@Test
	void aGroupsLagByPartitionIsKnownFromItsFirstCommittedOffsetsAndNothingForAnotherGroup() {
		assertThat(this.rates.byPartition("event-listener", "event-topic")).isEmpty();

		this.rates.add(sample(T0, Map.of(0, 100L, 1, 200L), Map.of(0, 1_000L, 1, 2_000L), Map.of(0, 90L, 1, 200L)));

		assertThat(this.rates.byPartition("event-listener", "event-topic")).containsExactly(Map.entry(0, 10L),
				Map.entry(1, 0L));
		assertThat(this.rates.byPartition("another-group", "event-topic")).isEmpty();
	}

	private static PipelineSample sample(long time, Map<Integer, Long> ends, Map<Integer, Long> sizes,
			Map<Integer, Long> committed) {
		return new PipelineSample(time, List.of(new TopicSample("event-topic", ends.size(), ends, sizes)),
				List.of(new GroupSample("event-listener", "event-topic", committed)));
	}

}
