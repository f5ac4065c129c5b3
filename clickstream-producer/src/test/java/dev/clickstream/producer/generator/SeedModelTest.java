package dev.clickstream.producer.generator;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.clickstream.model.ClickEvent;
import dev.clickstream.model.EventNames;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class SeedModelTest {

	static final Instant NOW = Instant.parse("2026-03-25T19:05:49Z");

	@Test
	void makesIdsOfTheSeedsLengthAndAlphabetAndNamesFromTheList() {
		SeedModel model = new SeedModel(EventNames.SEED, new SplittableRandom(7));

		List<ClickEvent> events = IntStream.range(0, 10_000).mapToObj(i -> model.next(NOW)).toList();

		assertThat(events).allSatisfy(event -> {
			assertThat(event.productId()).matches("[a-z0-9]{15}");
			assertThat(event.userId()).matches("[a-z0-9]{8}");
			assertThat(event.eventName()).isIn(EventNames.SEED);
			assertThat(event.date()).isEqualTo(NOW);
		});
		// Every name is picked, and ids are random rather than repeated.
		assertThat(events.stream().map(ClickEvent::eventName).collect(Collectors.toSet()))
			.containsExactlyInAnyOrderElementsOf(EventNames.SEED);
		assertThat(events.stream().map(ClickEvent::userId).distinct().count()).isGreaterThan(9_990);
		Set<Character> used = events.stream()
			.flatMap(event -> (event.productId() + event.userId()).chars().mapToObj(c -> (char) c))
			.collect(Collectors.toSet());
		assertThat(used).hasSize(RandomIds.ALPHABET.length());
	}

	@Test
	void picksTheNamesUniformly() {
		SeedModel model = new SeedModel(EventNames.SEED, new SplittableRandom(11));

		var counts = IntStream.range(0, 100_000)
			.mapToObj(i -> model.next(NOW).eventName())
			.collect(Collectors.groupingBy(name -> name, Collectors.counting()));

		// Each share is 25% ± 1 point: over 100,000 draws its standard deviation is 0.14 points.
		assertThat(counts.values()).allSatisfy(count -> assertThat(count / 100_000.0).isCloseTo(0.25, within(0.01)));
	}

	@Test
	void picksOnlyFromAConfiguredList() {
		SeedModel model = new SeedModel(List.of("wishlist"), new SplittableRandom(1));

		assertThat(IntStream.range(0, 100).mapToObj(i -> model.next(NOW).eventName())).containsOnly("wishlist");
	}

	@Test
	void refusesAnEmptyListOfNames() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SeedModel(List.of(), new SplittableRandom(1)));
	}

}
