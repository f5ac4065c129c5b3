package dev.clickstream.producer.generator;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.clickstream.model.ClickEvent;
import dev.clickstream.model.SeedTime;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ClickEventGeneratorTest {

	static final List<String> NAMES = List.of("productview", "purchase", "addtobasket", "removefrombasket");

	static final Instant NOW = Instant.parse("2026-03-25T19:05:49Z");

	@Test
	void makesIdsOfTheSeedsLengthAndAlphabetAndNamesFromTheList() {
		ClickEventGenerator generator = new ClickEventGenerator(NAMES, () -> NOW);

		List<ClickEvent> events = IntStream.range(0, 10_000).mapToObj(i -> generator.next()).toList();

		assertThat(events).allSatisfy(event -> {
			assertThat(event.productId()).matches("[a-z0-9]{15}");
			assertThat(event.userId()).matches("[a-z0-9]{8}");
			assertThat(event.eventName()).isIn(NAMES);
			assertThat(event.date()).isEqualTo(NOW);
		});
		// Every name is picked, and ids are random rather than repeated.
		assertThat(events.stream().map(ClickEvent::eventName).collect(Collectors.toSet()))
			.containsExactlyInAnyOrderElementsOf(NAMES);
		assertThat(events.stream().map(ClickEvent::userId).distinct().count()).isGreaterThan(9_990);
		Set<Character> used = events.stream()
			.flatMap(event -> (event.productId() + event.userId()).chars().mapToObj(c -> (char) c))
			.collect(Collectors.toSet());
		assertThat(used).hasSize(ClickEventGenerator.ALPHABET.length());
	}

	@Test
	void datesEachEventWithItsOwnTimeToTheSecond() {
		Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		ClickEvent event = new ClickEventGenerator(NAMES, SeedTime::now).next();
		Instant after = Instant.now();

		assertThat(event.date()).isBetween(before, after);
		assertThat(event.date().getNano()).isZero();
	}

	@Test
	void picksOnlyFromAConfiguredList() {
		ClickEventGenerator generator = new ClickEventGenerator(List.of("wishlist"), () -> NOW);

		assertThat(IntStream.range(0, 100).mapToObj(i -> generator.next().eventName())).containsOnly("wishlist");
	}

	@Test
	void refusesAnEmptyListOfNames() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ClickEventGenerator(List.of(), () -> NOW));
	}

}
