package dev.clickstream.dashboard;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CounterRateTest {

	@Test
	void rateIsTheGrowthOverTheWindow() {
		CounterRate rate = new CounterRate(5_000);
		assertThat(rate.update(0, 0)).isZero();
		assertThat(rate.update(1_000, 1)).isEqualTo(1.0);
		for (long time = 2_000; time <= 10_000; time += 1_000) {
			rate.update(time, time / 500.0);
		}
		// readings older than 5 s are dropped: (20 - 10) / 5 s
		assertThat(rate.update(11_000, 22)).isEqualTo(2.0);
	}

	@Test
	void aCounterThatStartsOverShowsNoNegativeRate() {
		CounterRate rate = new CounterRate(5_000);
		rate.update(0, 100);
		assertThat(rate.update(1_000, 3)).isZero();
	}

}
