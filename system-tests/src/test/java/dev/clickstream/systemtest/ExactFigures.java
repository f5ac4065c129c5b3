package dev.clickstream.systemtest;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.clickstream.model.ClickEvent;
import dev.clickstream.model.EventNames;
import dev.clickstream.model.ProductCount;
import dev.clickstream.model.TopProducts;
import dev.clickstream.model.UniqueUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

/**
 * The distinct users and the views and purchases of each product of some events, counted exactly, and what the
 * listener's sketches may say of them: the true distinct users within the estimate's bounds, the true count of every
 * product reported within its bounds, bounds no wider than the frequent-items sketches allow, and no product missing
 * that those bounds say must be there. Not thread-safe.
 */
final class ExactFigures {

	/** Products a frequent-items sketch of the listener counts exactly: 0.75 of its map of 256. */
	static final int EXACT_PRODUCTS = 192;

	/**
	 * How far a product's bounds may lie apart, as a share of the events sketched: a frequent-items sketch of map size
	 * M errs by at most 3.5 / M of its events, and the figures add the errors of the partitions' sketches to that of
	 * the sketch they are merged into, which is given no more events than they hold together.
	 */
	private static final double MAXIMUM_ERROR = 2 * 3.5 / 256;

	/** Beyond this many users the sketch estimates rather than counts them. */
	private static final long ESTIMATED_USERS = 1_000;

	private final Set<String> users = new HashSet<>();

	private final Map<String, Long> viewed = new HashMap<>();

	private final Map<String, Long> purchased = new HashMap<>();

	void add(ClickEvent event) {
		this.users.add(event.userId());
		if (EventNames.PRODUCT_VIEW.equals(event.eventName())) {
			this.viewed.merge(event.productId(), 1L, Long::sum);
		}
		else if (EventNames.PURCHASE.equals(event.eventName())) {
			this.purchased.merge(event.productId(), 1L, Long::sum);
		}
	}

	long users() {
		return this.users.size();
	}

	/** How many different products were viewed. */
	int productsViewed() {
		return this.viewed.size();
	}

	void assertEstimatedBy(UniqueUsers uniqueUsers, TopProducts topProducts, String of) {
		assertThat(uniqueUsers).as("unique users of %s", of).isNotNull();
		assertThat(topProducts).as("top products of %s", of).isNotNull();
		assertThat(users()).as("distinct users of %s within %s", of, uniqueUsers)
			.isBetween(uniqueUsers.lowerBound(), uniqueUsers.upperBound());
		if (users() > ESTIMATED_USERS) {
			// Two standard errors, as the bounds: about 95% confidence, and the input is the same on every run.
			assertThat((double) uniqueUsers.estimate()).as("estimated users of %s, of %d", of, users())
				.isCloseTo((double) users(), withinPercentage(200 * UniqueUsers.RELATIVE_STANDARD_ERROR));
		}
		assertCounts(topProducts.viewed(), this.viewed, "products viewed in " + of);
		assertCounts(topProducts.purchased(), this.purchased, "products bought in " + of);
	}

	private static void assertCounts(List<ProductCount> reported, Map<String, Long> exact, String of) {
		assertThat(reported).as(of).isNotEmpty()
			.hasSizeLessThanOrEqualTo(TopProducts.SIZE)
			.isSortedAccordingTo(Comparator.comparingLong(ProductCount::count)
				.reversed()
				.thenComparing(ProductCount::productId));
		long events = exact.values().stream().mapToLong(Long::longValue).sum();
		long widest = (long) Math.floor(MAXIMUM_ERROR * events);
		for (ProductCount product : reported) {
			assertThat(exact.getOrDefault(product.productId(), 0L)).as("%s, exactly, within %s", of, product)
				.isBetween(product.lowerBound(), product.upperBound());
			assertThat(product.upperBound() - product.lowerBound()).as("%s, width of %s", of, product)
				.isLessThanOrEqualTo(widest);
		}
		// A product counted more often than the widest bounds is in the merged sketch with an upper bound no lower than
		// its count: above the last one reported, it ranks before it.
		long last = reported.get(reported.size() - 1).count();
		Set<String> ids = new HashSet<>(reported.stream().map(ProductCount::productId).toList());
		exact.forEach((product, count) -> {
			if (count > widest && count > last) {
				assertThat(ids).as("%s: %s counted %d, more than the last reported, %d", of, product, count, last)
					.contains(product);
			}
		});
	}

}
