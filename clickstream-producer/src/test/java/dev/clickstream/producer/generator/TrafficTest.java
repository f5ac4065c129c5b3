package dev.clickstream.producer.generator;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.clickstream.model.ClickEvent;
import dev.clickstream.model.ClickEventWriter;
import dev.clickstream.model.EventNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TrafficTest {

	static final Instant START = Instant.parse("2026-06-01T08:00:00Z");

	@ParameterizedTest
	@EnumSource(GeneratorProperties.Model.class)
	void theSameSeedAndSettingsGiveByteIdenticalEvents(GeneratorProperties.Model model) {
		GeneratorProperties settings = properties(model, GeneratorProperties.Clock.SIMULATED, 0.1);

		byte[] first = written(new Traffic(settings, 42).events(() -> 100), 5_000);
		byte[] again = written(new Traffic(settings, 42).events(() -> 100), 5_000);
		byte[] otherSeed = written(new Traffic(settings, 43).events(() -> 100), 5_000);

		assertThat(again).isEqualTo(first);
		assertThat(otherSeed).isNotEqualTo(first);
	}

	@Test
	void whoClicksWhatDoesNotDependOnTheClock() {
		List<ClickEvent> wall = take(new Traffic(properties(GeneratorProperties.Model.SHOP,
				GeneratorProperties.Clock.WALL, 0), 7).events(() -> 100), 2_000);
		List<ClickEvent> simulatedAndLate = take(new Traffic(properties(GeneratorProperties.Model.SHOP,
				GeneratorProperties.Clock.SIMULATED, 0.3), 7).events(() -> 100), 2_000);

		assertThat(simulatedAndLate).extracting(TrafficTest::withoutDate)
			.containsExactlyElementsOf(wall.stream().map(TrafficTest::withoutDate).toList());
	}

	@ParameterizedTest
	@EnumSource(GeneratorProperties.Model.class)
	void theTotalsOfTheFirstEventsAreKnownBeforehand(GeneratorProperties.Model model) {
		Traffic traffic = new Traffic(properties(model, GeneratorProperties.Clock.WALL, 0), 99);

		Map<String, Long> counted = new LinkedHashMap<>();
		EventNames.SEED.forEach(name -> counted.put(name, 0L));
		take(traffic.events(() -> 100), 30_000).forEach(event -> counted.merge(event.eventName(), 1L, Long::sum));

		assertThat(traffic.totals(30_000)).isEqualTo(counted);
	}

	@Test
	void theSimulatedClockAdvancesSpeedOverRateSecondsAnEvent() {
		// 60 simulated seconds a real second at 100 events a second: 0.6 s an event.
		Supplier<Instant> clock = EventClocks.simulated(START, 60, () -> 100);

		List<Instant> dates = new ArrayList<>();
		for (int i = 0; i < 1001; i++) {
			dates.add(clock.get());
		}

		assertThat(dates.get(0)).isEqualTo(START);
		assertThat(dates.get(5)).isEqualTo(START.plusSeconds(3));
		// 1000 events, ten real seconds at that rate, ten simulated minutes.
		assertThat(dates.get(1000)).isEqualTo(START.plus(Duration.ofMinutes(10)));
		assertThat(dates).isSorted();
	}

	@Test
	void theSimulatedClockKeepsItsSpeedWhenTheRateChanges() {
		long[] rate = { 100 };
		Supplier<Instant> clock = EventClocks.simulated(START, 60, () -> rate[0]);
		for (int i = 0; i < 100; i++) {
			clock.get();
		}
		rate[0] = 1000;
		for (int i = 0; i < 1000; i++) {
			clock.get();
		}

		// A real second at each rate: two simulated minutes.
		assertThat(clock.get()).isEqualTo(START.plusSeconds(120));
	}

	@Test
	void lateArrivalsAreTheConfiguredFractionAndNeverLaterThanTheBound() {
		Supplier<Instant> clock = EventClocks.simulated(START, 60, () -> 100);
		Supplier<Instant> reference = EventClocks.simulated(START, 60, () -> 100);
		Supplier<Instant> dates = EventClocks.withLateArrivals(clock, 0.1, Duration.ofSeconds(90),
				new java.util.SplittableRandom(3));

		int late = 0;
		long latest = 0;
		for (int i = 0; i < 50_000; i++) {
			Instant onTime = reference.get();
			Instant date = dates.get();
			long lateness = Duration.between(date, onTime).toNanos();
			assertThat(lateness).isBetween(0L, Duration.ofSeconds(90).toNanos());
			if (lateness > 0) {
				late++;
				assertThat(lateness % 1_000_000_000L).as("whole seconds").isZero();
				latest = Math.max(latest, lateness);
			}
		}

		assertThat(late / 50_000.0).isCloseTo(0.1, within(0.005));
		assertThat(latest).isEqualTo(Duration.ofSeconds(90).toNanos());
	}

	@Test
	void theWallClockDatesEventsNowToTheSecond() {
		Instant before = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		ClickEvent event = new Traffic(properties(GeneratorProperties.Model.SHOP, GeneratorProperties.Clock.WALL, 0),
				1).events(() -> 100).get();

		assertThat(event.date()).isBetween(before, Instant.now());
		assertThat(event.date().getNano()).isZero();
	}

	static GeneratorProperties properties(GeneratorProperties.Model model, GeneratorProperties.Clock clock,
			double lateFraction) {
		return new GeneratorProperties(model, null, 100, Duration.ofMillis(100), EventNames.SEED, null, 50_000, clock,
				new GeneratorProperties.Simulated(START, 60),
				new GeneratorProperties.Late(lateFraction, Duration.ofMinutes(2)), ShopModelTest.DEFAULTS);
	}

	private static String withoutDate(ClickEvent event) {
		return event.userId() + " " + event.eventName() + " " + event.productId();
	}

	private static List<ClickEvent> take(Supplier<ClickEvent> events, int count) {
		List<ClickEvent> taken = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			taken.add(events.get());
		}
		return taken;
	}

	private static byte[] written(Supplier<ClickEvent> events, int count) {
		ClickEventWriter writer = new ClickEventWriter();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		take(events, count).forEach(event -> bytes.writeBytes(writer.write(event)));
		return bytes.toByteArray();
	}

}
