package dev.clickstream.listener.counting;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import dev.clickstream.listener.EventListenerProperties.Counting.UnknownEventNames;
import dev.clickstream.listener.changelog.PartitionState;
import dev.clickstream.listener.counting.CountedBatch.Change;
import dev.clickstream.listener.counting.CountedBatch.Rejected;
import dev.clickstream.model.ClickEventReader;
import dev.clickstream.model.EventNames;
import dev.clickstream.model.InvalidClickEventException.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.tuple;

class BatchCounterTest {

	static final List<String> NAMES = EventNames.SEED;

	final CountingState state = new CountingState();

	@Test
	void countsEachPartitionOnTopOfItsCommittedState() {
		this.state.restore(new PartitionState(0, 10, Map.of("purchase", 4L)));
		this.state.restore(PartitionState.empty(1));
		TestBatch batch = new TestBatch().event(0, 10, 500, "purchase")
			.event(0, 11, 400, "productview")
			.event(1, 0, 300, "productview")
			.event(1, 1, 900, "addtobasket")
			.event(0, 12, 600, "purchase");

		CountedBatch counted = counter(false).count(batch, this.state::committed);

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
		this.state.restore(PartitionState.empty(2));
		TestBatch batch = new TestBatch().event(2, 0, 1, "purchase")
			.record(2, 1, 2, "not json".getBytes(StandardCharsets.UTF_8))
			.record(2, 2, 3, null)
			.event(2, 3, 4, "share")
			.record(2, 4, 5, new byte[0]);

		CountedBatch counted = counter(false).count(batch, this.state::committed);

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
		this.state.restore(new PartitionState(0, 7, Map.of("purchase", 7L)));

		CountedBatch counted = counter(false).count(new TestBatch().record(0, 7, 1, null), this.state::committed);

		assertThat(counted.changes()).containsExactly(
				new Change(new PartitionState(0, 8, Map.of("purchase", 7L)), OptionalLong.empty()));
	}

	@Test
	void everyEventModeHasTheStateAfterEachRecord() {
		this.state.restore(PartitionState.empty(0));
		TestBatch batch = new TestBatch().event(0, 0, 100, "purchase")
			.record(0, 1, 200, null)
			.event(0, 2, 300, "purchase");

		CountedBatch counted = counter(true).count(batch, this.state::committed);

		assertThat(counted.changes()).containsExactly(
				new Change(new PartitionState(0, 1, Map.of("purchase", 1L)), OptionalLong.of(100)),
				new Change(new PartitionState(0, 2, Map.of("purchase", 1L)), OptionalLong.of(200)),
				new Change(new PartitionState(0, 3, Map.of("purchase", 2L)), OptionalLong.of(300)));
		assertThat(counted.states()).containsExactly(new PartitionState(0, 3, Map.of("purchase", 2L)));
	}

	@Test
	void theSameBatchOnTheSameCommittedStateComesToTheSameResult() {
		this.state.restore(new PartitionState(1, 3, Map.of("productview", 3L)));
		TestBatch batch = new TestBatch().event(1, 3, 1, "productview").record(1, 4, 2, null).event(1, 5, 3, "purchase");
		BatchCounter counter = counter(false);

		CountedBatch first = counter.count(batch, this.state::committed);
		CountedBatch redelivered = counter.count(batch, this.state::committed);

		assertThat(redelivered).isEqualTo(first);
	}

	@Test
	void aPartitionThisInstanceDoesNotOwnIsNotCounted() {
		assertThatIllegalStateException()
			.isThrownBy(() -> counter(false).count(new TestBatch().event(5, 0, 1, "purchase"), this.state::committed))
			.withMessageContaining("partition 5 was never restored");
	}

	static BatchCounter counter(boolean everyEvent) {
		return new BatchCounter(new EventAdmission(new ClickEventReader(4096), NAMES, UnknownEventNames.DEAD_LETTER),
				everyEvent);
	}

}
