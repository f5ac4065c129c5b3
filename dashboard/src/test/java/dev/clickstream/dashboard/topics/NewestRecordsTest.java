package dev.clickstream.dashboard.topics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import dev.clickstream.dashboard.topics.NewestRecords.Range;

import static org.assertj.core.api.Assertions.assertThat;

class NewestRecordsTest {

	static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

	final List<Range> reads = new ArrayList<>();

	@Test
	void aPlainPartitionIsReadOnceOverItsLastLimitOffsets() {
		Log log = new Log(0);
		for (int i = 0; i < 1_000; i++) {
			log.append(i);
		}

		List<TopicRecord> newest = read(10, Map.of(0, log));

		assertThat(newest).extracting(TopicRecord::offset).containsExactly(999L, 998L, 997L, 996L, 995L, 994L, 993L,
				992L, 991L, 990L);
		assertThat(this.reads).containsExactly(new Range(0, 990, 1_000));
	}

	@Test
	void aTransactionalPartitionIsReadFurtherBackPastItsCommitMarkers() {
		// One record and one commit marker per transaction, as the snapshot topic has them.
		Log log = new Log(0);
		for (int i = 0; i < 100; i++) {
			log.append(i);
			log.marker();
		}

		List<TopicRecord> newest = read(10, Map.of(0, log));

		assertThat(newest).hasSize(10);
		assertThat(newest).extracting(TopicRecord::offset).containsExactly(198L, 196L, 194L, 192L, 190L, 188L, 186L,
				184L, 182L, 180L);
		assertThat(this.reads).containsExactly(new Range(0, 190, 200), new Range(0, 180, 190));
	}

	@Test
	void readingBackStopsAtSixteenLimitsFromTheEnd() {
		// Only aborted transactions at the end, and one committed record far before them.
		Log log = new Log(0);
		log.append(0);
		for (int i = 0; i < 10_000; i++) {
			log.marker();
		}

		List<TopicRecord> newest = read(10, Map.of(0, log));

		assertThat(newest).isEmpty();
		assertThat(this.reads).extracting(Range::from).containsExactly(9_991L, 9_981L, 9_961L, 9_921L, 9_841L);
		long offsetsRead = this.reads.stream().mapToLong(range -> range.to() - range.from()).sum();
		assertThat(offsetsRead).isEqualTo(10 * TopicReader.MAX_SPAN_FACTOR);
	}

	@Test
	void aShortPartitionIsReadFromItsFirstOffsetAndNoFurther() {
		// Retention deleted offsets 0 to 99; 5 records are left.
		Log log = new Log(100);
		for (int i = 0; i < 5; i++) {
			log.append(i);
		}
		Log empty = new Log(40);

		List<TopicRecord> newest = read(10, Map.of(0, log, 1, empty));

		assertThat(newest).extracting(TopicRecord::offset).containsExactly(104L, 103L, 102L, 101L, 100L);
		assertThat(this.reads).containsExactly(new Range(0, 100, 105));
	}

	@Test
	void theNewestOverAllPartitionsComeFirstByTimestampThenPartitionThenOffset() {
		Log zero = new Log(0);
		Log one = new Log(0);
		zero.append(1);
		zero.append(5);
		zero.append(5);
		one.append(2);
		one.append(5);
		one.append(9);
		one.append(3);

		List<TopicRecord> newest = read(5, Map.of(0, zero, 1, one));

		assertThat(newest).extracting(record -> record.partition() + "@" + record.offset() + "/"
				+ record.timestamp().getEpochSecond() % 60)
			.containsExactly("1@2/9", "0@2/5", "0@1/5", "1@1/5", "1@3/3");
	}

	@Test
	void eachPartitionKeepsOnlyItsNewestLimitRecordsAcrossReads() {
		Log log = new Log(0);
		for (int i = 0; i < 30; i++) {
			log.append(i);
			if (i % 3 == 0) {
				log.marker();
			}
		}

		List<TopicRecord> newest = read(12, Map.of(0, log));

		assertThat(newest).hasSize(12);
		assertThat(newest).extracting(TopicRecord::timestamp)
			.isSortedAccordingTo((left, right) -> right.compareTo(left));
		assertThat(newest.get(11).timestamp()).isEqualTo(T0.plusSeconds(18));
	}

	/** Plays the reader: each range as a read_committed consumer sees it, markers and aborted records left out. */
	private List<TopicRecord> read(int limit, Map<Integer, Log> logs) {
		NewestRecords newest = new NewestRecords(limit, TopicReader.MAX_SPAN_FACTOR);
		new TreeMap<>(logs).forEach((partition, log) -> newest.partition(partition, log.beginning, log.end()));
		for (List<Range> ranges = newest.nextRanges(); !ranges.isEmpty(); ranges = newest.nextRanges()) {
			for (Range range : ranges) {
				this.reads.add(range);
				Log log = logs.get(range.partition());
				List<TopicRecord> found = new ArrayList<>();
				for (long offset = range.from(); offset < range.to(); offset++) {
					TopicRecord record = log.at(range.partition(), offset);
					if (record != null) {
						found.add(record);
					}
				}
				newest.took(range.partition(), found);
			}
		}
		return newest.newest();
	}

	/** A partition's offsets from its first one: a record's second of the minute, or null for a marker. */
	static final class Log {

		final long beginning;

		final List<@Nullable Integer> offsets = new ArrayList<>();

		Log(long beginning) {
			this.beginning = beginning;
		}

		void append(int second) {
			this.offsets.add(second);
		}

		void marker() {
			this.offsets.add(null);
		}

		long end() {
			return this.beginning + this.offsets.size();
		}

		@Nullable TopicRecord at(int partition, long offset) {
			Integer second = this.offsets.get((int) (offset - this.beginning));
			return (second != null) ? new TopicRecord("topic", partition, offset, T0.plusSeconds(second), "key",
					"value", false, 5, Map.of()) : null;
		}

	}

}
