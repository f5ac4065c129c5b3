package dev.clickstream.producer.generator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmissionPlanTest {

	@Test
	void emitsRateTimesTickEachTick() {
		EmissionPlan plan = new EmissionPlan(100, Duration.ofMillis(100), null);

		assertThat(emitted(plan, 5)).containsExactly(10L, 10L, 10L, 10L, 10L);
		assertThat(plan.finished()).isFalse();
	}

	@Test
	void carriesTheFractionSoTheLongRunRateIsExact() {
		// 0.3 events a tick: in floating point ten of them make 2.9999…, here exactly 3.
		EmissionPlan plan = new EmissionPlan(1, Duration.ofMillis(300), null);

		assertThat(emitted(plan, 10)).containsExactly(0L, 0L, 0L, 1L, 0L, 0L, 1L, 0L, 0L, 1L);
	}

	@Test
	void sustainsOddRatesOverAnHour() {
		EmissionPlan plan = new EmissionPlan(20_001, Duration.ofMillis(70), null);
		long ticks = Duration.ofHours(1).toMillis() / 70;

		long total = emitted(plan, (int) ticks).stream().mapToLong(Long::longValue).sum();

		assertThat(total).isEqualTo(20_001L * 70 * ticks / 1000);
		assertThat(plan.emitted()).isEqualTo(total);
	}

	@Test
	void stopsAtTheLimit() {
		EmissionPlan plan = new EmissionPlan(100, Duration.ofMillis(100), 25L);

		assertThat(emitted(plan, 5)).containsExactly(10L, 10L, 5L, 0L, 0L);
		assertThat(plan.finished()).isTrue();
		assertThat(plan.emitted()).isEqualTo(25);
	}

	@Test
	void unsentEventsDoNotCountAgainstTheLimitAndAreNotCarriedOver() {
		EmissionPlan plan = new EmissionPlan(100, Duration.ofMillis(100), 25L);

		assertThat(plan.next()).isEqualTo(10);
		plan.unsent(10);
		assertThat(plan.next()).isEqualTo(10);
		plan.unsent(7);

		assertThat(emitted(plan, 4)).containsExactly(10L, 10L, 2L, 0L);
		assertThat(plan.emitted()).isEqualTo(25);
	}

	@Test
	void aNewRateHoldsFromTheNextTick() {
		EmissionPlan plan = new EmissionPlan(100, Duration.ofMillis(100), null);
		plan.next();

		plan.rate(2500);

		assertThat(plan.rate()).isEqualTo(2500);
		assertThat(emitted(plan, 3)).containsExactly(250L, 250L, 250L);
	}

	@Test
	void pausedEmitsNothingAndOwesNothingForThePauseWhenResumed() {
		// 0.5 events a tick: the half owed when paused is dropped, not paid after.
		EmissionPlan plan = new EmissionPlan(5, Duration.ofMillis(100), null);
		plan.next();

		plan.paused(true);
		List<Long> whilePaused = emitted(plan, 20);
		plan.paused(false);

		assertThat(whilePaused).containsOnly(0L);
		assertThat(emitted(plan, 4)).containsExactly(0L, 1L, 0L, 1L);
		assertThat(plan.emitted()).isEqualTo(2);
	}

	@Test
	void refusesARateThatIsNotPositive() {
		EmissionPlan plan = new EmissionPlan(100, Duration.ofMillis(100), null);

		org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> plan.rate(0));
		assertThat(plan.rate()).isEqualTo(100);
	}

	private static List<Long> emitted(EmissionPlan plan, int ticks) {
		List<Long> emitted = new ArrayList<>();
		for (int i = 0; i < ticks; i++) {
			emitted.add(plan.next());
		}
		return emitted;
	}

}
