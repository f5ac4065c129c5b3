package dev.clickstream.listener.windows;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.clickstream.listener.changelog.PartitionWindow;
import dev.clickstream.listener.sketches.EventSketches;
import dev.clickstream.listener.sketches.TestEvents;
import dev.clickstream.listener.sketches.MergedSketches;
import dev.clickstream.listener.windows.WindowBook.Outcome;
import dev.clickstream.model.EventNames;
import dev.clickstream.model.ProductCount;
import dev.clickstream.model.UniqueUsers;
import dev.clickstream.model.WindowResult;

import static org.assertj.core.api.Assertions.assertThat;

class WindowBookTest {

	static final long M0 = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();

	static final long M1 = M0 + 60;

	static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

	static final long IDLE_MS = 60_000;

	final WindowBook book = new WindowBook(2, 30, 3600, IDLE_MS, EventNames.SEED, 0);

	@Test
	void publishesRunningResultsOfChangedWindowsAndOneFinalOnceEveryPartitionHasClosedIt() {
		this.book.merge(counts(0, M0, Map.of("productview", 3L), false, M0 + 40), 1_000);
		this.book.merge(counts(1, M0, Map.of("productview", 2L, "purchase", 1L), false, M0 + 50), 1_000);

		assertThat(this.book.hasResultsDue(2_000)).isTrue();
		WindowBook.Due first = this.book.due(2_000, NOW);
		assertThat(this.book.hasResultsDue(2_500)).isFalse();
		WindowBook.Due nothingNew = this.book.due(3_000, NOW);
		this.book.merge(counts(0, M0, Map.of("productview", 4L), true, M1 + 30), 4_000);
		WindowBook.Due stillWaiting = this.book.due(5_000, NOW);
		this.book.merge(counts(1, M0, Map.of("productview", 2L, "purchase", 2L), true, M1 + 35), 6_000);
		WindowBook.Due closed = this.book.due(7_000, NOW);
		WindowBook.Due afterwards = this.book.due(8_000, NOW);

		assertThat(first.results()).containsExactly(result(M0, 5, 1, false));
		assertThat(nothingNew.results()).isEmpty();
		assertThat(stillWaiting.results()).containsExactly(result(M0, 6, 1, false));
		assertThat(closed.results()).containsExactly(result(M0, 6, 2, true));
		assertThat(afterwards.results()).isEmpty();
	}

	@Test
	void aPartitionWithoutEventsInAWindowClosesItByItsWatermark() {
		this.book.merge(counts(0, M0, Map.of("purchase", 1L), true, M1 + 30), 1_000);
		// Partition 1 had nothing in the first minute; its watermark is in the second minute's grace, then past it.
		this.book.merge(counts(1, M1, Map.of("purchase", 1L), false, M1 + 29), 1_000);
		assertThat(this.book.due(2_000, NOW).results()).extracting(WindowResult::isFinal).containsExactly(false,
				false);

		this.book.merge(counts(1, M1, Map.of("purchase", 2L), false, M1 + 31), 3_000);

		assertThat(this.book.due(4_000, NOW).results()).containsExactly(result(M0, 0, 1, true),
				resultOf(M1, Map.of("purchase", 2L), false));
	}

	@Test
	void anIdlePartitionDoesNotHoldAWindowOpenForEverAndWhatItBringsAfterTheFinalStaysOut() {
		this.book.merge(counts(0, M0, Map.of("productview", 7L), true, M1 + 30), 1_000);
		this.book.merge(counts(1, M0, Map.of("productview", 1L), false, M0 + 10), 1_000);
		assertThat(this.book.due(1_000 + IDLE_MS - 1, NOW).results()).extracting(WindowResult::isFinal)
			.containsExactly(false);

		assertThat(this.book.hasResultsDue(1_000 + IDLE_MS)).as("the idle timeout closes it").isTrue();
		WindowBook.Due idle = this.book.due(1_000 + IDLE_MS, NOW);
		WindowBook.Merged late = this.book.merge(counts(1, M0, Map.of("productview", 2L), false, M1 + 20),
				1_000 + IDLE_MS + 1);
		WindowBook.Merged later = this.book.merge(counts(1, M0, Map.of("productview", 5L), true, M1 + 30),
				1_000 + IDLE_MS + 2);

		assertThat(idle.results()).containsExactly(result(M0, 8, 0, true));
		// One event in the final from partition 1; then one more, then three more: four after the final.
		assertThat(late).isEqualTo(new WindowBook.Merged(Outcome.AFTER_FINAL, 1));
		assertThat(later).isEqualTo(new WindowBook.Merged(Outcome.AFTER_FINAL, 3));
		assertThat(this.book.due(1_000 + IDLE_MS + 2, NOW).results()).isEmpty();
	}

	@Test
	void aWindowWhoseFinalIsOnTheTopicAlreadyIsNotPublishedAgain() {
		this.book.finalPublished(M0, M1);

		WindowBook.Merged merged = this.book.merge(counts(0, M0, Map.of("productview", 7L), true, M1 + 30), 1_000);

		assertThat(merged.outcome()).isEqualTo(Outcome.AFTER_FINAL);
		assertThat(this.book.due(2_000, NOW).results()).isEmpty();
		assertThat(this.book.hasResultsDue(2_000)).isFalse();
	}

	@Test
	void finalWindowsOlderThanTheRetentionAreForgottenAndTheirCountsIgnored() {
		this.book.merge(counts(0, M0, Map.of("productview", 1L), true, M1 + 30), 1_000);
		this.book.merge(counts(1, M0, Map.of("productview", 1L), true, M1 + 30), 1_000);
		this.book.due(2_000, NOW);

		// An hour's retention: the watermark an hour past the first minute's end forgets it.
		this.book.merge(counts(0, M0 + 3660, Map.of("productview", 1L), false, M1 + 3600), 3_000);
		WindowBook.Due due = this.book.due(4_000, NOW);

		assertThat(due.forgotten()).containsExactly(M0);
		assertThat(this.book.merge(counts(1, M0, Map.of("productview", 5L), true, M1 + 3600), 5_000).outcome())
			.isEqualTo(Outcome.EXPIRED);
	}

	@Test
	void aResultHasTheUniqueUsersAndTopProductsOfAllPartitionsTogether() {
		EventSketches first = EventSketches.empty(false);
		first.add(TestEvents.click("productview", "alice", "lamp"));
		first.add(TestEvents.click("productview", "bob", "lamp"));
		EventSketches second = EventSketches.empty(false);
		second.add(TestEvents.click("productview", "alice", "lamp"));
		second.add(TestEvents.click("purchase", "carol", "chair"));
		this.book.merge(sketched(counts(0, M0, Map.of("productview", 2L), true, M1 + 30), first), 1_000);
		this.book.merge(sketched(counts(1, M0, Map.of("productview", 1L, "purchase", 1L), true, M1 + 30), second),
				1_000);

		WindowBook.Due due = this.book.due(2_000, NOW);

		WindowResult result = due.results().get(0);
		// Alice was on both partitions: she counts once.
		assertThat(result.uniqueUsers()).extracting(UniqueUsers::estimate).isEqualTo(3L);
		assertThat(result.topProducts().viewed()).containsExactly(new ProductCount("lamp", 3, 3, 3));
		assertThat(result.topProducts().purchased()).containsExactly(new ProductCount("chair", 1, 1, 1));
		assertThat(result.usersSketch()).isEqualTo(MergedSketches.of(List.of(first.sketches(), second.sketches())).usersBase64());
		assertThat(due.sketchesMerged()).isEqualTo(2);
	}

	@Test
	void aWindowAPartitionBeganWithoutSketchesHasNoFiguresRatherThanTooLowOnes() {
		EventSketches first = EventSketches.empty(false);
		first.add(TestEvents.click("productview", "alice", "lamp"));
		this.book.merge(sketched(counts(0, M0, Map.of("productview", 1L), true, M1 + 30), first), 1_000);
		this.book.merge(counts(1, M0, Map.of("productview", 9L), true, M1 + 30), 1_000);

		WindowResult result = this.book.due(2_000, NOW).results().get(0);

		assertThat(result.counts()).containsEntry("productview", 10L);
		assertThat(result.uniqueUsers()).isNull();
		assertThat(result.topProducts()).isNull();
		assertThat(result.usersSketch()).isNull();
	}

	@Test
	void aRunningWindowKeepsTheFiguresOfItsPartitionsLastCheckpointUntilTheCountsThatCloseItBringTheFinalOnes() {
		EventSketches checkpointed = EventSketches.empty(false);
		checkpointed.add(TestEvents.click("productview", "alice", "lamp"));
		this.book.merge(sketched(counts(0, M0, Map.of("productview", 1L), false, M0 + 10), checkpointed), 1_000);
		// The other partition has no events in the window, and its watermark is past the window's end and grace.
		this.book.merge(sketched(counts(1, M1, Map.of("purchase", 1L), false, M1 + 30), EventSketches.empty(false)),
				1_000);
		this.book.due(1_500, NOW);
		this.book.merge(counts(0, M0, Map.of("productview", 2L), false, M0 + 20), 1_600);

		WindowResult running = this.book.due(2_000, NOW).results().get(0);
		EventSketches closing = EventSketches.empty(false);
		closing.add(TestEvents.click("productview", "alice", "lamp"));
		closing.add(TestEvents.click("productview", "bob", "desk"));
		this.book.merge(sketched(counts(0, M0, Map.of("productview", 2L), true, M1 + 30), closing), 2_100);
		WindowResult result = this.book.due(2_200, NOW).results().get(0);

		assertThat(running.isFinal()).isFalse();
		assertThat(running.counts()).containsEntry("productview", 2L);
		assertThat(running.uniqueUsers()).extracting(UniqueUsers::estimate).isEqualTo(1L);
		assertThat(result.isFinal()).isTrue();
		assertThat(result.uniqueUsers()).extracting(UniqueUsers::estimate).isEqualTo(2L);
		assertThat(result.topProducts().viewed()).extracting(ProductCount::productId).containsExactly("desk", "lamp");
	}

	static PartitionWindow sketched(PartitionWindow counts, EventSketches sketches) {
		return new PartitionWindow(counts.partition(), counts.start(), counts.end(), counts.counts(), counts.closed(),
				counts.watermark(), sketches.sketches());
	}

	static PartitionWindow counts(int partition, long start, Map<String, Long> counts, boolean closed,
			long watermark) {
		return new PartitionWindow(partition, start, start + 60, counts, closed, watermark);
	}

	static WindowResult result(long start, long views, long purchases, boolean isFinal) {
		return resultOf(start, Map.of("productview", views, "purchase", purchases), isFinal);
	}

	static WindowResult resultOf(long start, Map<String, Long> counts, boolean isFinal) {
		Map<String, Long> all = new java.util.LinkedHashMap<>();
		EventNames.SEED.forEach(name -> all.put(name, counts.getOrDefault(name, 0L)));
		return new WindowResult(Instant.ofEpochSecond(start), Instant.ofEpochSecond(start + 60), all, isFinal, NOW);
	}

}
