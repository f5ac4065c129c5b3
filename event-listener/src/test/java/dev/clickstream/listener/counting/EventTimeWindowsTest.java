package dev.clickstream.listener.counting;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EventTimeWindowsTest {

	final EventTimeWindows minutes = new EventTimeWindows(60, 30);

	@Test
	void anEventBelongsToTheWindowThatHoldsItsSecond() {
		assertThat(this.minutes.start(0)).isZero();
		assertThat(this.minutes.start(59)).isZero();
		assertThat(this.minutes.start(60)).isEqualTo(60);
		assertThat(this.minutes.start(1_767_225_719L)).isEqualTo(1_767_225_660L);
		// Before the epoch too: floor, not truncation towards zero.
		assertThat(this.minutes.start(-1)).isEqualTo(-60);
		assertThat(this.minutes.end(60)).isEqualTo(120);
	}

	@Test
	void aWindowClosesWhenTheWatermarkReachesItsEndPlusTheGrace() {
		assertThat(this.minutes.closed(0, 89)).isFalse();
		assertThat(this.minutes.closed(0, 90)).isTrue();
		assertThat(this.minutes.closed(60, 90)).isFalse();
		assertThat(this.minutes.closed(0, Long.MIN_VALUE)).as("no event seen yet").isFalse();
		assertThat(new EventTimeWindows(60, 0).closed(0, 60)).as("no grace: at the end").isTrue();
	}

	@Test
	void latenessIsHowLongAfterItsWindowsEndTheWatermarkWas() {
		assertThat(this.minutes.lateness(59, 95)).isEqualTo(35);
		assertThat(this.minutes.lateness(10, 200)).isEqualTo(140);
	}

	@Test
	void refusesWindowsShorterThanASecondAndNegativeGrace() {
		assertThatIllegalArgumentException().isThrownBy(() -> new EventTimeWindows(0, 30));
		assertThatIllegalArgumentException().isThrownBy(() -> new EventTimeWindows(60, -1));
	}

}
