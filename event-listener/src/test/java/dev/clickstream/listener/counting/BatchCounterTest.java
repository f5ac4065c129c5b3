package dev.clickstream.listener.counting;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.IntPredicate;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.clickstream.listener.EventListenerProperties.Counting.UnknownEventNames;
import dev.clickstream.listener.changelog.PartitionState;
import dev.clickstream.listener.changelog.PartitionWindow;
import dev.clickstream.listener.changelog.Sketches;
import dev.clickstream.listener.changelog.WindowCounts;
import dev.clickstream.listener.counting.CountedBatch.Change;
import dev.clickstream.listener.counting.CountedBatch.Rejected;
import dev.clickstream.listener.sketches.MergedSketches;
import dev.clickstream.listener.sketches.PartitionSketches;
import dev.clickstream.model.ClickEventReader;
import dev.clickstream.model.EventNames;
import dev.clickstream.model.InvalidClickEventException.Reason;
import dev.clickstream.model.ProductCount;
import dev.clickstream.model.SeedTime;
import dev.clickstream.model.UniqueUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.tuple;

class BatchCounterTest {

	static final List<String> NAMES = EventNames.SEED;

	final CountingState state = new CountingState();

	@Test
	void countsEachPartitionOnTopOfItsCommittedState() {
		restore(this.state, new PartitionState(0, 10, Map.of("purchase", 4L)));
		restore(this.state, PartitionState.empty(1));
		TestBatch batch = new TestBatch().event(0, 10, 500, "purchase")
			.event(0, 11, 400, "productview")
			.event(1, 0, 300, "productview")
			.event(1, 1, 900, "addtobasket")
			.event(0, 12, 600, "purchase");

		CountedBatch counted = counter(false).count(batch, this.state, CHECKPOINT);

		assertThat(counted.states()).containsExactly(
				new PartitionState(0, 13, Map.of("purchase", 6L, "productview", 1L)),
				new PartitionState(1, 2, Map.of("productview", 1L, "addtobasket", 1L)));
		assertThat(counted.changes()).extracting(Change::oldestEventTimestamp)
			.containsExactly(OptionalLong.of(400), OptionalLong.of(300));
		assertThat(counted.countedByName())
			.isEqualTo(Map.of("purchase", 2L, "productview", 2L, "addtobasket", 1L));
		assertThat(counted.rejected()).isEmpty();
		assertThat(counted.rejectedByReason()).isEmpty();
	}

	@Test
	void rejectsRecordsThatAreNotClickEventsAndMovesPastThem() {
		restore(this.state, PartitionState.empty(2));
		TestBatch batch = new TestBatch().event(2, 0, 1, "purchase")
			.record(2, 1, 2, "not json".getBytes(StandardCharsets.UTF_8))
			.record(2, 2, 3, null)
			.event(2, 3, 4, "share")
			.record(2, 4, 5, new byte[0]);

		CountedBatch counted = counter(false).count(batch, this.state, CHECKPOINT);

		assertThat(counted.rejected()).extracting(Rejected::index, Rejected::reason)
			.containsExactly(tuple(1, Reason.NOT_JSON),
					tuple(2, Reason.EMPTY),
					tuple(3, Reason.UNKNOWN_EVENT_NAME),
					tuple(4, Reason.EMPTY));
		assertThat(counted.rejected().get(2).detail()).contains("\"share\"");
		assertThat(counted.rejectedByReason()).isEqualTo(Map.of("not-json", 1L, "empty", 2L, "unknown-event-name", 1L));
		assertThat(counted.states()).containsExactly(new PartitionState(2, 5, Map.of("purchase", 1L)));
		assertThat(counted.countedByName()).isEqualTo(Map.of("purchase", 1L));
	}

	@Test
	void aBatchOfOnlyRejectsStillMovesThePartitionOn() {
		restore(this.state, new PartitionState(0, 7, Map.of("purchase", 7L)));

		CountedBatch counted = counter(false).count(new TestBatch().record(0, 7, 1, null), this.state, CHECKPOINT);

		assertThat(counted.changes()).containsExactly(
				new Change(new PartitionState(0, 8, Map.of("purchase", 7L)), OptionalLong.empty()));
	}

	@Test
	void everyEventModeHasTheStateAfterEachRecord() {
		restore(this.state, PartitionState.empty(0));
		TestBatch batch = new TestBatch().event(0, 0, 100, "purchase")
			.record(0, 1, 200, null)
			.event(0, 2, 300, "purchase");

		CountedBatch counted = counter(true).count(batch, this.state, CHECKPOINT);

		assertThat(counted.changes()).containsExactly(
				new Change(new PartitionState(0, 1, Map.of("purchase", 1L)), OptionalLong.of(100)),
				new Change(new PartitionState(0, 2, Map.of("purchase", 1L)), OptionalLong.of(200)),
				new Change(new PartitionState(0, 3, Map.of("purchase", 2L)), OptionalLong.of(300)));
		assertThat(counted.states()).containsExactly(new PartitionState(0, 3, Map.of("purchase", 2L)));
	}

	@Test
	void theSameBatchOnTheSameCommittedStateComesToTheSameResult() {
		restore(this.state, new PartitionState(1, 3, Map.of("productview", 3L)));
		TestBatch batch = new TestBatch().event(1, 3, 1, "productview").record(1, 4, 2, null).event(1, 5, 3, "purchase");
		BatchCounter counter = counter(false);

		CountedBatch first = counter.count(batch, this.state, CHECKPOINT);
		CountedBatch redelivered = counter.count(batch, this.state, CHECKPOINT);

		assertThat(redelivered).isEqualTo(first);
	}

	@Test
	void aPartitionThisInstanceDoesNotOwnIsNotCounted() {
		assertThatIllegalStateException()
			.isThrownBy(() -> counter(false).count(new TestBatch().event(5, 0, 1, "purchase"), this.state, CHECKPOINT))
			.withMessageContaining("partition 5 was never restored");
	}

	@Test
	void countsEachEventInTheWindowOfItsDateAndClosesTheWindowOnceTheWatermarkPassesItsEndAndGrace() {
		restore(this.state, PartitionState.empty(0));
		TestBatch batch = new TestBatch().eventAt(0, 0, "2026-01-01T00:00:10UTC", "productview")
			.eventAt(0, 1, "2026-01-01T00:00:50UTC", "purchase")
			.eventAt(0, 2, "2026-01-01T00:01:05UTC", "productview")
			// Out of order but within the grace: still counted in its window, which closes at 00:01:30.
			.eventAt(0, 3, "2026-01-01T00:00:40UTC", "addtobasket")
			.eventAt(0, 4, "2026-01-01T00:01:29UTC", "productview")
			.eventAt(0, 5, "2026-01-01T00:00:59UTC", "productview");

		CountedBatch counted = windowed().count(batch, this.state, CHECKPOINT);

		assertThat(counted.late()).isEmpty();
		assertThat(counted.windowChanges()).extracting(PartitionWindow::withoutSketches).containsExactly(
				new PartitionWindow(0, MINUTE_0, MINUTE_0 + 60,
						Map.of("productview", 2L, "purchase", 1L, "addtobasket", 1L), false, MINUTE_0 + 89),
				new PartitionWindow(0, MINUTE_0 + 60, MINUTE_0 + 120, Map.of("productview", 2L), false, MINUTE_0 + 89));
		PartitionState state = counted.states().get(0);
		assertThat(state.watermark()).isEqualTo(MINUTE_0 + 89);
		assertThat(state.windows()).extracting(WindowCounts::start).containsExactly(MINUTE_0, MINUTE_0 + 60);
		assertThat(state.counts()).isEqualTo(Map.of("productview", 4L, "purchase", 1L, "addtobasket", 1L));
	}

	@Test
	void anEventForAClosedWindowIsLateCountedInTheTotalsAndNotInTheWindow() {
		restore(this.state, PartitionState.empty(0));
		TestBatch batch = new TestBatch().eventAt(0, 0, "2026-01-01T00:00:10UTC", "productview")
			.eventAt(0, 1, "2026-01-01T00:01:31UTC", "purchase")
			.eventAt(0, 2, "2026-01-01T00:00:59UTC", "addtobasket")
			.eventAt(0, 3, "2026-01-01T00:01:40UTC", "productview");

		CountedBatch counted = windowed().count(batch, this.state, CHECKPOINT);

		// The watermark reached 00:01:31 at offset 1: the first minute had closed when offset 2 came, 31 s after it.
		assertThat(counted.late()).containsExactly(new CountedBatch.Late(2, MINUTE_0, 31));
		assertThat(counted.countedByName()).isEqualTo(Map.of("productview", 2L, "purchase", 1L, "addtobasket", 1L));
		assertThat(counted.windowChanges()).extracting(PartitionWindow::withoutSketches).containsExactly(
				new PartitionWindow(0, MINUTE_0, MINUTE_0 + 60, Map.of("productview", 1L), true, MINUTE_0 + 100),
				new PartitionWindow(0, MINUTE_0 + 60, MINUTE_0 + 120, Map.of("purchase", 1L, "productview", 1L), false,
						MINUTE_0 + 100));
		assertThat(counted.states().get(0).windows()).extracting(WindowCounts::start).containsExactly(MINUTE_0 + 60);
		assertThat(counted.states().get(0).counts()).containsEntry("addtobasket", 1L);
	}

	@Test
	void theNextBatchGoesOnFromTheCommittedWindowsAndReportsAClosedWindowOnlyOnce() {
		restore(this.state, PartitionState.empty(0));
		BatchCounter counter = windowed();
		CountedBatch first = counter.count(new TestBatch().eventAt(0, 0, "2026-01-01T00:00:10UTC", "productview")
			.eventAt(0, 1, "2026-01-01T00:01:00UTC", "productview"), this.state, CHECKPOINT);
		commit(this.state, first);

		CountedBatch second = counter.count(new TestBatch().eventAt(0, 2, "2026-01-01T00:00:20UTC", "purchase")
			.eventAt(0, 3, "2026-01-01T00:02:00UTC", "productview"), this.state, CHECKPOINT);
		commit(this.state, second);
		CountedBatch third = counter.count(new TestBatch().eventAt(0, 4, "2026-01-01T00:02:10UTC", "purchase"),
				this.state, CHECKPOINT);

		// The second minute, neither added to nor closed by the second batch, is not written again.
		assertThat(second.windowChanges()).extracting(PartitionWindow::withoutSketches).containsExactly(
				new PartitionWindow(0, MINUTE_0, MINUTE_0 + 60, Map.of("productview", 1L, "purchase", 1L), true,
						MINUTE_0 + 120),
				new PartitionWindow(0, MINUTE_0 + 120, MINUTE_0 + 180, Map.of("productview", 1L), false,
						MINUTE_0 + 120));
		assertThat(third.windowChanges()).extracting(PartitionWindow::start).containsExactly(MINUTE_0 + 120);
		assertThat(third.states().get(0).windows()).extracting(WindowCounts::start)
			.containsExactly(MINUTE_0 + 60, MINUTE_0 + 120);
	}

	@Test
	void eachPartitionClosesItsWindowsByItsOwnWatermark() {
		restore(this.state, PartitionState.empty(0));
		restore(this.state, PartitionState.empty(1));
		TestBatch batch = new TestBatch().eventAt(0, 0, "2026-01-01T00:05:00UTC", "productview")
			.eventAt(1, 0, "2026-01-01T00:00:10UTC", "purchase");

		CountedBatch counted = windowed().count(batch, this.state, CHECKPOINT);

		// Partition 0 is five minutes ahead; partition 1's first minute is still open by its own events.
		assertThat(counted.late()).isEmpty();
		assertThat(counted.windowChanges()).extracting(PartitionWindow::partition, PartitionWindow::closed)
			.containsExactly(tuple(0, false), tuple(1, false));
	}

	@Test
	void aPartitionRestoredFromWhatTheFirstReleaseWroteGoesOnCountingAndStartsItsWindows() {
		// What a record of the first release reads as (ChangelogFormatTest): no watermark, no windows.
		restore(this.state, new PartitionState(2, 1337, Map.of("addtobasket", 3L, "productview", 1200L, "purchase", 7L)));

		CountedBatch counted = windowed().count(new TestBatch().eventAt(2, 1337, "2026-01-01T00:00:10UTC", "purchase"),
				this.state, CHECKPOINT);

		PartitionState state = counted.states().get(0);
		assertThat(state.counts()).isEqualTo(Map.of("addtobasket", 3L, "productview", 1200L, "purchase", 8L));
		assertThat(state.watermark()).isEqualTo(MINUTE_0 + 10);
		assertThat(state.windows()).extracting(WindowCounts::start, WindowCounts::counts)
			.containsExactly(tuple(MINUTE_0, Map.of("purchase", 1L)));
		assertThat(counted.late()).isEmpty();
		// The window is new, so its sketches hold all of it; those since the start miss the 1,210 events before.
		PartitionState checkpoint = counted.checkpoints().get(0);
		assertThat(checkpoint.windows().get(0).sketches()).isNotNull().extracting(Sketches::partial).isEqualTo(false);
		assertThat(checkpoint.sketches()).isNotNull().extracting(Sketches::partial).isEqualTo(true);
		assertThat(state.sketches()).isNull();
	}

	@Test
	void aWindowBegunWithoutSketchesGoesOnWithoutThemRatherThanWithSketchesMissingItsStart() {
		PartitionState restored = new PartitionState(0, 10, Map.of("productview", 10L), MINUTE_0 + 20,
				List.of(new WindowCounts(MINUTE_0, Map.of("productview", 10L))));
		restore(this.state, restored);

		CountedBatch counted = windowed().count(new TestBatch().eventAt(0, 10, "2026-01-01T00:00:30UTC", "purchase")
			.eventAt(0, 11, "2026-01-01T00:01:10UTC", "purchase"), this.state, CHECKPOINT);

		assertThat(counted.windowChanges()).extracting(PartitionWindow::start, window -> window.sketches() != null)
			.containsExactly(tuple(MINUTE_0, false), tuple(MINUTE_0 + 60, true));
		assertThat(counted.checkpoints().get(0).windows()).extracting(window -> window.sketches() != null)
			.containsExactly(false, true);
	}

	@Test
	void eachWindowsSketchesHoldItsUsersAndProductsAndThoseSinceTheStartHoldAll() {
		restore(this.state, PartitionState.empty(0));
		TestBatch batch = new TestBatch().click(0, 0, "2026-01-01T00:00:10UTC", "productview", "user0001", "product-a")
			.click(0, 1, "2026-01-01T00:00:20UTC", "productview", "user0002", "product-a")
			.click(0, 2, "2026-01-01T00:00:30UTC", "purchase", "user0002", "product-a")
			.click(0, 3, "2026-01-01T00:01:10UTC", "productview", "user0003", "product-b")
			.click(0, 4, "2026-01-01T00:01:20UTC", "addtobasket", "user0001", "product-b");

		CountedBatch counted = windowed().count(batch, this.state, CHECKPOINT);

		MergedSketches first = MergedSketches.of(List.of(counted.windowChanges().get(0).sketches()));
		// Few users are kept one by one: the estimate is exact, the upper bound allows for a collision of their hashes.
		assertThat(first.uniqueUsers()).extracting(UniqueUsers::estimate, UniqueUsers::lowerBound).containsExactly(2L, 2L);
		assertThat(first.topProducts().viewed()).containsExactly(new ProductCount("product-a", 2, 2, 2));
		assertThat(first.topProducts().purchased()).containsExactly(new ProductCount("product-a", 1, 1, 1));
		MergedSketches second = MergedSketches.of(List.of(counted.windowChanges().get(1).sketches()));
		assertThat(second.uniqueUsers().estimate()).isEqualTo(2);
		assertThat(second.topProducts().viewed()).containsExactly(new ProductCount("product-b", 1, 1, 1));
		assertThat(second.topProducts().purchased()).isEmpty();
		MergedSketches allTime = MergedSketches.of(List.of(counted.checkpoints().get(0).sketches()));
		assertThat(allTime.uniqueUsers().estimate()).isEqualTo(3);
		assertThat(allTime.topProducts().viewed()).containsExactly(new ProductCount("product-a", 2, 2, 2),
				new ProductCount("product-b", 1, 1, 1));
	}

	@Test
	void betweenCheckpointsTheChangesCarryCountsAloneAndAClosedWindowCarriesItsFinalSketches() {
		restore(this.state, PartitionState.empty(0));
		BatchCounter counter = windowed();
		CountedBatch first = counter.count(new TestBatch().eventAt(0, 0, "2026-01-01T00:00:10UTC", "productview"),
				this.state, partition -> false);
		commit(this.state, first);
		CountedBatch second = counter.count(new TestBatch().eventAt(0, 1, "2026-01-01T00:01:50UTC", "purchase"),
				this.state, partition -> false);

		assertThat(first.checkpoints()).isEmpty();
		assertThat(first.windowChanges()).extracting(PartitionWindow::sketches).containsOnlyNulls();
		assertThat(first.states().get(0).sketches()).isNull();
		assertThat(second.windowChanges()).extracting(PartitionWindow::start, PartitionWindow::closed,
				window -> window.sketches() != null)
			.containsExactly(tuple(MINUTE_0, true, true), tuple(MINUTE_0 + 60, false, false));
		assertThat(MergedSketches.of(List.of(second.windowChanges().get(0).sketches())).topProducts().viewed())
			.extracting(ProductCount::productId)
			.containsExactly("4pqurkxx3oku8yj");
	}

	@Test
	void countingInManyBatchesWithCheckpointsAndRecountsAfterCrashesComesToTheSameSketchesAsInOne() {
		SplittableRandom random = new SplittableRandom(42);
		TestBatch all = new TestBatch();
		List<TestBatch> batches = new ArrayList<>();
		TestBatch current = new TestBatch();
		for (int offset = 0; offset < 30_000; offset++) {
			// Twenty minutes of a shop far larger than the sketches: every top-product sketch purges.
			String date = SeedTime.format(java.time.Instant.ofEpochSecond(MINUTE_0 + offset / 25));
			String name = (random.nextInt(10) == 0) ? "purchase" : "productview";
			String user = "u" + random.nextInt(5_000);
			String product = "p" + (int) Math.pow(3_000, random.nextDouble());
			all.click(0, offset, date, name, user, product);
			current.click(0, offset, date, name, user, product);
			if (random.nextInt(400) == 0) {
				batches.add(current);
				current = new TestBatch();
			}
		}
		batches.add(current);
		BatchCounter counter = windowed();

		restore(this.state, PartitionState.empty(0));
		CountedBatch inOne = counter.count(all, this.state, CHECKPOINT);
		CountingState inMany = new CountingState();
		restore(inMany, PartitionState.empty(0));
		Map<Long, PartitionWindow> lastOfEachWindow = new TreeMap<>();
		PartitionState checkpoint = null;
		List<TestBatch> sinceCheckpoint = new ArrayList<>();
		for (int index = 0; index < batches.size(); index++) {
			boolean last = index == batches.size() - 1;
			boolean checkpointed = last || random.nextInt(4) == 0;
			CountedBatch counted = counter.count(batches.get(index), inMany, partition -> checkpointed);
			commit(inMany, counted);
			counted.windowChanges()
				.stream()
				.filter(window -> window.closed() || window.sketches() != null)
				.forEach(window -> lastOfEachWindow.put(window.start(), window));
			sinceCheckpoint.add(batches.get(index));
			if (checkpointed) {
				// A checkpoint goes through the topic's bytes, as before a restore.
				checkpoint = JSON.readValue(JSON.writeValueAsBytes(counted.checkpoints().get(0)), PartitionState.class);
				sinceCheckpoint.clear();
			}
			else if (checkpoint != null && random.nextInt(3) == 0) {
				// A crash: the sketches are counted again from the checkpoint, in batches of other sizes.
				Recount recount = new Recount(counter, checkpoint);
				sinceCheckpoint.forEach(recount::add);
				assertThat(recount.state()).isEqualTo(inMany.committed(0));
				inMany.rebuilt(0, recount.sketches());
			}
		}

		assertThat(inOne.windowChanges()).hasSize(lastOfEachWindow.size()).allSatisfy(window -> {
			PartitionWindow many = lastOfEachWindow.get(window.start());
			assertThat(MergedSketches.of(List.of(many.sketches())))
				.isEqualTo(MergedSketches.of(List.of(window.sketches())));
		});
		assertThat(MergedSketches.of(List.of(checkpoint.sketches())))
			.isEqualTo(MergedSketches.of(List.of(inOne.checkpoints().get(0).sketches())));
	}

	@Test
	void aRecountFromACheckpointComesToTheCommittedStateAndItsSketches() {
		restore(this.state, PartitionState.empty(0));
		BatchCounter counter = windowed();
		CountedBatch first = counter.count(new TestBatch().click(0, 0, "2026-01-01T00:00:10UTC", "productview", "u1", "p1")
			.click(0, 1, "2026-01-01T00:00:20UTC", "productview", "u2", "p1"), this.state, CHECKPOINT);
		commit(this.state, first);
		TestBatch next = new TestBatch().click(0, 2, "2026-01-01T00:00:30UTC", "purchase", "u3", "p2")
			.record(0, 3, 0, null)
			.click(0, 4, "2026-01-01T00:01:40UTC", "productview", "u4", "p3");
		CountedBatch second = counter.count(next, this.state, CHECKPOINT);

		Recount recount = new Recount(counter, first.checkpoints().get(0));
		recount.add(next);

		assertThat(recount.state()).isEqualTo(second.states().get(0));
		assertThat(recount.sketches().checkpoint(recount.state()))
			.isEqualTo(second.checkpoints().get(0));
	}

	@Test
	void withoutWindowsTheStateHasNone() {
		restore(this.state, PartitionState.empty(0));

		CountedBatch counted = counter(false).count(new TestBatch().eventAt(0, 0, "2026-01-01T00:00:10UTC", "purchase"),
				this.state, CHECKPOINT);

		assertThat(counted.windowChanges()).isEmpty();
		assertThat(counted.states().get(0)).isEqualTo(new PartitionState(0, 1, Map.of("purchase", 1L)));
	}

	static final JsonMapper JSON = JsonMapper.builder().build();

	/** Every partition is checkpointed: the checkpoints show each batch's sketches. */
	static final IntPredicate CHECKPOINT = partition -> true;

	static void restore(CountingState state, PartitionState restored) {
		state.restore(restored, PartitionSketches.of(restored), null);
	}

	static void commit(CountingState state, CountedBatch counted) {
		state.commit(counted.states(), counted.checkpoints(), System.nanoTime());
	}

	static final long MINUTE_0 = java.time.Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();

	static BatchCounter counter(boolean everyEvent) {
		return new BatchCounter(new EventAdmission(new ClickEventReader(4096), NAMES, UnknownEventNames.DEAD_LETTER),
				everyEvent, null);
	}

	static BatchCounter windowed() {
		return new BatchCounter(new EventAdmission(new ClickEventReader(4096), NAMES, UnknownEventNames.DEAD_LETTER),
				false, new EventTimeWindows(60, 30));
	}

}
