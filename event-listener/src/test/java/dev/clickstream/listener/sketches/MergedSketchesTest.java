package dev.clickstream.listener.sketches;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import dev.clickstream.listener.changelog.Sketches;
import dev.clickstream.model.EventNames;
import dev.clickstream.model.ProductCount;
import dev.clickstream.model.TopProducts;
import dev.clickstream.model.UniqueUsers;

import static org.assertj.core.api.Assertions.assertThat;

class MergedSketchesTest {

	@Test
	void theUniqueUsersOfPartitionsMergedAreWithinTheStatedErrorOfTheExactNumber() {
		for (int users : new int[] { 50, 1_000, 20_000, 200_000 }) {
			Shop shop = new Shop(users, 500, 7);
			// Keyed at random, as the seed's script does: a user's events are on every partition.
			Shop.Run run = shop.run(3 * users, 3, true);

			UniqueUsers merged = MergedSketches.of(run.sketches()).uniqueUsers();

			long exact = run.users().size();
			assertThat(merged.lowerBound()).as("%d users", exact).isLessThanOrEqualTo(exact);
			assertThat(merged.upperBound()).as("%d users", exact).isGreaterThanOrEqualTo(exact);
			assertThat((double) Math.abs(merged.estimate() - exact) / exact).as("%d users", exact)
				.isLessThanOrEqualTo(2 * UniqueUsers.RELATIVE_STANDARD_ERROR);
		}
	}

	@Test
	void mergingPartitionsComesToWhatCountingTheirUnionInOneWouldGive() {
		Shop shop = new Shop(20_000, 2_000, 11);
		Shop.Run three = shop.run(100_000, 3, true);
		Shop.Run one = shop.run(100_000, 1, true);

		MergedSketches merged = MergedSketches.of(three.sketches());
		MergedSketches whole = MergedSketches.of(one.sketches());

		assertThat(merged.uniqueUsers()).isEqualTo(whole.uniqueUsers());
		assertThat(merged.users()).isEqualTo(whole.users());
	}

	@Test
	void whenTheCatalogFitsTheSketchTheTopProductsAreExactlyTheTopTen() {
		// 150 products: fewer than the 192 a sketch keeps, on every partition and merged.
		Shop.Run run = new Shop(5_000, 150, 3).run(60_000, 3, true);

		TopProducts top = MergedSketches.of(run.sketches()).topProducts();

		assertThat(top.viewed()).isEqualTo(run.exactTop(EventNames.PRODUCT_VIEW));
		assertThat(top.purchased()).isEqualTo(run.exactTop(EventNames.PURCHASE));
		assertThat(top.viewed()).hasSize(TopProducts.SIZE).allSatisfy(product -> assertThat(product.lowerBound())
			.isEqualTo(product.count()).isEqualTo(product.upperBound()));
	}

	@Test
	void beyondTheSketchEveryReportedCountHasTheTrueCountWithinItsBoundsAndTheLeadersAreFound() {
		// Every product new, as the seed model makes them, behind a few that sell well: purges on every partition.
		Shop.Run run = new Shop(50_000, 200_000, 5).run(200_000, 3, true);

		TopProducts top = MergedSketches.of(run.sketches()).topProducts();

		Map<String, Long> exact = run.exactCounts(EventNames.PRODUCT_VIEW);
		assertThat(top.viewed()).hasSize(TopProducts.SIZE).allSatisfy(product -> {
			long count = exact.getOrDefault(product.productId(), 0L);
			assertThat(product.lowerBound()).as(product.productId()).isLessThanOrEqualTo(count);
			assertThat(product.upperBound()).as(product.productId()).isGreaterThanOrEqualTo(count);
		});
		assertThat(top.viewed().subList(0, 3)).extracting(ProductCount::productId)
			.isEqualTo(run.exactTop(EventNames.PRODUCT_VIEW).subList(0, 3).stream().map(ProductCount::productId).toList());
	}

	@Test
	void sketchesFromAVersionWithoutThemMarkTheMergeAsPartial() {
		EventSketches complete = EventSketches.empty(false);
		complete.add(TestEvents.click(EventNames.PRODUCT_VIEW, "u1", "p1"));
		EventSketches partial = EventSketches.empty(true);
		partial.add(TestEvents.click(EventNames.PRODUCT_VIEW, "u2", "p1"));

		assertThat(MergedSketches.of(List.of(complete.sketches())).partial()).isFalse();
		assertThat(MergedSketches.of(List.of(complete.sketches(), partial.sketches())).partial()).isTrue();
	}

	/**
	 * A seeded shop: users from a pool, products by a Zipf-like law, mostly views; the exact answers kept beside the
	 * sketches.
	 */
	record Shop(int userCount, int productCount, long seed) {

		record Run(List<Sketches> sketches, Set<String> users, Map<String, Map<String, Long>> counts) {

			Map<String, Long> exactCounts(String eventName) {
				return this.counts.getOrDefault(eventName, Map.of());
			}

			List<ProductCount> exactTop(String eventName) {
				return exactCounts(eventName).entrySet()
					.stream()
					.sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
						.thenComparing(Map.Entry.comparingByKey()))
					.limit(TopProducts.SIZE)
					.map(entry -> new ProductCount(entry.getKey(), entry.getValue(), entry.getValue(), entry.getValue()))
					.toList();
			}

		}

		/** The same events whatever the number of partitions: only where each goes differs. */
		Run run(int events, int partitions, boolean randomKeys) {
			SplittableRandom random = new SplittableRandom(this.seed);
			SplittableRandom spread = new SplittableRandom(this.seed + 1);
			List<EventSketches> sketches = new ArrayList<>();
			for (int partition = 0; partition < partitions; partition++) {
				sketches.add(EventSketches.empty(false));
			}
			Set<String> users = new HashSet<>();
			Map<String, Map<String, Long>> counts = new HashMap<>();
			for (int i = 0; i < events; i++) {
				String user = "u" + random.nextInt(this.userCount);
				String product = "p" + (int) (Math.pow(this.productCount, random.nextDouble()) - 1);
				String name = (random.nextInt(10) < 8) ? EventNames.PRODUCT_VIEW
						: (random.nextBoolean() ? EventNames.PURCHASE : EventNames.ADD_TO_BASKET);
				int partition = randomKeys ? spread.nextInt(partitions) : Math.floorMod(user.hashCode(), partitions);
				sketches.get(partition).add(TestEvents.click(name, user, product));
				users.add(user);
				counts.computeIfAbsent(name, n -> new HashMap<>()).merge(product, 1L, Long::sum);
			}
			return new Run(sketches.stream().map(EventSketches::sketches).toList(), users, counts);
		}

	}

}
