package dev.clickstream.producer.generator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import dev.clickstream.model.ClickEvent;
import dev.clickstream.model.EventNames;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ShopModelTest {

	static final ShopSettings DEFAULTS = new ShopSettings(1000, 1.0, 10_000, 200, 0.12, 0.03, 0.08, 0.5);

	static final Instant NOW = Instant.parse("2026-03-25T19:05:49Z");

	static final int EVENTS = 200_000;

	@Test
	void keepsTheSeedsWireFormatAndEmitsTheFourFunnelNames() {
		List<ClickEvent> events = events(new ShopModel(DEFAULTS, new SplittableRandom(3)), 20_000);

		assertThat(events).allSatisfy(event -> {
			assertThat(event.productId()).matches("[a-z0-9]{15}");
			assertThat(event.userId()).matches("[a-z0-9]{8}");
			assertThat(event.date()).isEqualTo(NOW);
		});
		assertThat(events).extracting(ClickEvent::eventName).containsOnlyElementsOf(EventNames.SEED)
			.containsAll(EventNames.SEED);
		assertThat(events.stream().map(ClickEvent::productId).distinct().count()).isLessThanOrEqualTo(1000);
		assertThat(events.stream().map(ClickEvent::userId).distinct().count()).isLessThanOrEqualTo(10_000);
	}

	/**
	 * The default funnel's mix, measured over 10 million events of five seeds: views 84.4%, basket adds 9.9%,
	 * purchases 4.1%, removals 1.6%. The bounds are several standard deviations of a 200,000-event sample.
	 */
	@Test
	void theDefaultFunnelGivesAShopsMixOfNames() {
		Map<String, Double> shares = shares(events(new ShopModel(DEFAULTS, new SplittableRandom(5)), EVENTS));

		assertThat(shares.get(EventNames.PRODUCT_VIEW)).isCloseTo(0.844, within(0.01));
		assertThat(shares.get(EventNames.ADD_TO_BASKET)).isCloseTo(0.099, within(0.005));
		assertThat(shares.get(EventNames.PURCHASE)).isCloseTo(0.041, within(0.004));
		assertThat(shares.get(EventNames.REMOVE_FROM_BASKET)).isCloseTo(0.016, within(0.003));
	}

	@Test
	void theMixFollowsTheConfiguredFunnel() {
		ShopSettings noBasket = new ShopSettings(1000, 1.0, 10_000, 200, 0, 0.03, 0.08, 0.5);
		ShopSettings alwaysBuy = new ShopSettings(1000, 1.0, 10_000, 200, 0.12, 0, 0.08, 1);

		Map<String, Double> browsing = shares(events(new ShopModel(noBasket, new SplittableRandom(5)), EVENTS));
		Map<String, Long> buying = counts(events(new ShopModel(alwaysBuy, new SplittableRandom(5)), EVENTS));

		assertThat(browsing).containsOnlyKeys(EventNames.PRODUCT_VIEW);
		// Every basket item is bought when its session ends; those still in an open session's basket are not yet.
		long unbought = buying.get(EventNames.ADD_TO_BASKET) - buying.get(EventNames.PURCHASE);
		assertThat(buying).doesNotContainKey(EventNames.REMOVE_FROM_BASKET);
		assertThat(unbought).isBetween(0L, 200L * 20);
	}

	/** With exponent s over n products, the top k take H(k,s) / H(n,s) of the views: 39.1% for the top 10 of 1000. */
	@Test
	void theTopOnePercentOfProductsGetTheShareOfViewsTheZipfExponentImplies() {
		for (double exponent : new double[] { 0.0, 0.8, 1.0, 1.3 }) {
			ShopSettings settings = new ShopSettings(1000, exponent, 10_000, 200, 0.12, 0.03, 0.08, 0.5);
			ShopModel model = new ShopModel(settings, new SplittableRandom(9));
			Set<String> top = new HashSet<>();
			IntStream.range(0, 10).forEach(rank -> top.add(model.product(rank)));

			List<ClickEvent> views = events(model, EVENTS).stream()
				.filter(event -> event.eventName().equals(EventNames.PRODUCT_VIEW))
				.toList();
			double share = views.stream().filter(event -> top.contains(event.productId())).count()
					/ (double) views.size();

			assertThat(share).as("top 1%% share at exponent %s", exponent)
				.isCloseTo(ZipfDistribution.share(10, 1000, exponent), within(0.01));
		}
		assertThat(ZipfDistribution.share(10, 1000, 1.0)).isCloseTo(0.391, within(0.001));
		assertThat(ZipfDistribution.share(10, 1000, 0.0)).isCloseTo(0.01, within(1e-9));
	}

	@Test
	void everyPurchaseAndRemovalIsOfAnItemTheSameUserPutInTheBasketInTheSameSession() {
		ShopModel model = new ShopModel(DEFAULTS, new SplittableRandom(13));
		Map<Long, Set<String>> baskets = new HashMap<>();
		Map<Long, String> sessionUser = new HashMap<>();
		Map<String, Long> userSession = new HashMap<>();
		long checked = 0;

		for (int i = 0; i < EVENTS; i++) {
			ClickEvent event = model.next(NOW);
			long session = model.lastSession();
			assertThat(sessionUser.computeIfAbsent(session, s -> event.userId())).as("one user per session")
				.isEqualTo(event.userId());
			Long previous = userSession.put(event.userId(), session);
			assertThat(previous == null || previous <= session).as("a user's sessions one after the other").isTrue();
			Set<String> basket = baskets.computeIfAbsent(session, s -> new HashSet<>());
			switch (event.eventName()) {
				case EventNames.ADD_TO_BASKET -> assertThat(basket.add(event.productId())).isTrue();
				case EventNames.REMOVE_FROM_BASKET, EventNames.PURCHASE -> {
					assertThat(basket.remove(event.productId())).as("%s of an item in the basket", event).isTrue();
					checked++;
				}
				default -> {
				}
			}
		}
		assertThat(checked).isGreaterThan(EVENTS / 20);
	}

	@Test
	void addsOnlyAProductJustViewedAndBuysTheBasketAtTheEndOfTheSession() {
		ShopModel model = new ShopModel(DEFAULTS, new SplittableRandom(17));
		Map<Long, ClickEvent> lastOfSession = new HashMap<>();

		for (int i = 0; i < EVENTS; i++) {
			ClickEvent event = model.next(NOW);
			ClickEvent last = lastOfSession.put(model.lastSession(), event);
			if (event.eventName().equals(EventNames.ADD_TO_BASKET)) {
				assertThat(last).isNotNull();
				assertThat(last.eventName()).isEqualTo(EventNames.PRODUCT_VIEW);
				assertThat(last.productId()).isEqualTo(event.productId());
			}
			if (last != null && last.eventName().equals(EventNames.PURCHASE)) {
				assertThat(event.eventName()).as("a session that bought goes on buying, or ends")
					.isEqualTo(EventNames.PURCHASE);
			}
		}
	}

	private static List<ClickEvent> events(TrafficModel model, int count) {
		List<ClickEvent> events = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			events.add(model.next(NOW));
		}
		return events;
	}

	private static Map<String, Long> counts(List<ClickEvent> events) {
		Map<String, Long> counts = new HashMap<>();
		events.forEach(event -> counts.merge(event.eventName(), 1L, Long::sum));
		return counts;
	}

	private static Map<String, Double> shares(List<ClickEvent> events) {
		Map<String, Double> shares = new HashMap<>();
		counts(events).forEach((name, count) -> shares.put(name, count / (double) events.size()));
		return shares;
	}

}
