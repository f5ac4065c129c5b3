package dev.clickstream.systemtest.harness;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.SplittableRandom;

import dev.clickstream.model.EventNames;

/**
 * Who clicks on what, as in a shop, from a seed: users from a fixed pool, each as likely as the next; products from a
 * catalog by a Zipf law, the product of rank k clicked about 1/k as often as the first, so a few are popular and most
 * are rarely seen; mostly views, some basket changes and purchases, of products drawn the same way. The same seed
 * gives the same clicks in the same order. Not thread-safe.
 */
public final class Shop {

	private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

	private final SplittableRandom random;

	private final String[] users;

	private final String[] products;

	/** The Zipf weights of the products up to each rank, for drawing a product with one random number. */
	private final double[] cumulativeWeights;

	/**
	 * @param users how many users the pool holds
	 * @param products how many products the catalog holds, most popular first
	 */
	public Shop(long seed, int users, int products) {
		this.random = new SplittableRandom(seed);
		this.users = distinctIds(users, 8);
		this.products = distinctIds(products, 15);
		this.cumulativeWeights = new double[products];
		double sum = 0;
		for (int rank = 1; rank <= products; rank++) {
			sum += 1.0 / rank;
			this.cumulativeWeights[rank - 1] = sum;
		}
	}

	/** A user of the pool, any of them as likely. */
	String userId() {
		return this.users[this.random.nextInt(this.users.length)];
	}

	/** A product of the catalog, by its popularity. */
	String productId() {
		double drawn = this.random.nextDouble() * this.cumulativeWeights[this.cumulativeWeights.length - 1];
		int found = Arrays.binarySearch(this.cumulativeWeights, drawn);
		return this.products[Math.min((found >= 0) ? found : -found - 1, this.products.length - 1)];
	}

	/** Views 80%, into the basket 10%, out of it 4%, purchases 6%. */
	String eventName() {
		int percent = this.random.nextInt(100);
		if (percent < 80) {
			return EventNames.PRODUCT_VIEW;
		}
		if (percent < 90) {
			return EventNames.ADD_TO_BASKET;
		}
		return (percent < 94) ? EventNames.REMOVE_FROM_BASKET : EventNames.PURCHASE;
	}

	private String[] distinctIds(int count, int length) {
		Set<String> ids = new LinkedHashSet<>();
		char[] chars = new char[length];
		while (ids.size() < count) {
			for (int i = 0; i < length; i++) {
				chars[i] = ALPHABET.charAt(this.random.nextInt(ALPHABET.length()));
			}
			ids.add(new String(chars));
		}
		return ids.toArray(String[]::new);
	}

}
