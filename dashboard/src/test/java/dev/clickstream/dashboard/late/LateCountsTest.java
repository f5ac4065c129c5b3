package dev.clickstream.dashboard.late;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.clickstream.dashboard.late.LateView.LateWindow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LateCountsTest {

	static final Instant FROM = Instant.parse("2026-12-02T08:00:00Z");

	@Test
	void countsEachLateEventInTheWindowItsHeaderNames() {
		LateCounts counts = new LateCounts(FROM, 10);

		assertThat(counts.add(header("2026-12-02T10:01:00UTC"))).isTrue();
		counts.add(header("2026-12-02T10:00:00UTC"));
		counts.add(header("2026-12-02T10:01:00UTC"));
		counts.add(header("2026-12-02T10:01:00UTC"));

		LateView view = counts.view();
		assertThat(view.from()).isEqualTo(FROM);
		assertThat(view.windows()).containsExactly(new LateWindow("2026-12-02T10:00:00UTC", 1),
				new LateWindow("2026-12-02T10:01:00UTC", 3));
		assertThat(view.total()).isEqualTo(4);
		assertThat(view.skipped()).isZero();
		assertThat(view.error()).isNull();
	}

	@Test
	void windowsAreOldestFirstWhateverOrderTheirEventsCameIn() {
		LateCounts counts = new LateCounts(FROM, 10);
		for (String start : new String[] { "2026-12-02T10:05:00UTC", "2026-12-02T09:59:00UTC",
				"2026-12-02T10:02:00UTC", "2026-12-01T23:59:00UTC" }) {
			counts.add(header(start));
		}

		assertThat(counts.view().windows()).extracting(LateWindow::windowStart)
			.containsExactly("2026-12-01T23:59:00UTC", "2026-12-02T09:59:00UTC", "2026-12-02T10:02:00UTC",
					"2026-12-02T10:05:00UTC");
	}

	@Test
	void keepsTheNewestWindowsOnlyAndCountsTheOlderOnesInTheTotal() {
		LateCounts counts = new LateCounts(FROM, 2);
		counts.add(header("2026-12-02T10:00:00UTC"));
		counts.add(header("2026-12-02T10:01:00UTC"));
		counts.add(header("2026-12-02T10:02:00UTC"));
		// Older than both windows kept: in the total, in no window.
		counts.add(header("2026-12-02T09:00:00UTC"));
		counts.add(header("2026-12-02T10:00:00UTC"));
		counts.add(header("2026-12-02T10:02:00UTC"));

		LateView view = counts.view();
		assertThat(view.windows()).containsExactly(new LateWindow("2026-12-02T10:01:00UTC", 1),
				new LateWindow("2026-12-02T10:02:00UTC", 2));
		assertThat(view.total()).isEqualTo(6);
	}

	@Test
	void aRecordWithoutAWindowStartThatReadsAsATimeIsSkippedAndCountedAsSkipped() {
		LateCounts counts = new LateCounts(FROM, 10);
		counts.add(header("2026-12-02T10:00:00UTC"));

		assertThat(counts.add(null)).isFalse();
		assertThat(counts.add(header(""))).isFalse();
		assertThat(counts.add(header("yesterday"))).isFalse();
		assertThat(counts.add(header("2026-13-02T10:00:00UTC"))).isFalse();
		assertThat(counts.add(new byte[] { (byte) 0xff, (byte) 0xfe })).isFalse();

		LateView view = counts.view();
		assertThat(view.windows()).containsExactly(new LateWindow("2026-12-02T10:00:00UTC", 1));
		assertThat(view.total()).isEqualTo(1);
		assertThat(view.skipped()).isEqualTo(5);
	}

	@Test
	void aFailureShowsUntilTheFollowerRecoversAndTheCountsStay() {
		LateCounts counts = new LateCounts(FROM, 10);
		counts.add(header("2026-12-02T10:00:00UTC"));

		counts.failed("TimeoutException: Timeout expired while fetching topic metadata");
		assertThat(counts.view().error()).startsWith("TimeoutException");
		assertThat(counts.view().total()).isEqualTo(1);

		counts.recovered();
		assertThat(counts.view().error()).isNull();
		assertThat(counts.view().windows()).containsExactly(new LateWindow("2026-12-02T10:00:00UTC", 1));
	}

	@Test
	void aViewIsNotChangedByLaterEvents() {
		LateCounts counts = new LateCounts(FROM, 10);
		counts.add(header("2026-12-02T10:00:00UTC"));
		LateView before = counts.view();

		counts.add(header("2026-12-02T10:00:00UTC"));

		assertThat(before.windows()).containsExactly(new LateWindow("2026-12-02T10:00:00UTC", 1));
		assertThat(counts.view().windows()).containsExactly(new LateWindow("2026-12-02T10:00:00UTC", 2));
	}

	@Test
	void atLeastOneWindowIsKept() {
		assertThatIllegalArgumentException().isThrownBy(() -> new LateCounts(FROM, 0));
	}

	private static byte[] header(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
