package dev.clickstream.model;

import java.util.List;

/**
 * The most viewed and the most bought products, most first, ties in product order; at most {@link #SIZE} of each.
 *
 * @param viewed by {@code productview} events
 * @param purchased by {@code purchase} events
 */
public record TopProducts(List<ProductCount> viewed, List<ProductCount> purchased) {

	public static final int SIZE = 10;

	public static final TopProducts NONE = new TopProducts(List.of(), List.of());

	public TopProducts {
		viewed = List.copyOf(viewed);
		purchased = List.copyOf(purchased);
	}

}
