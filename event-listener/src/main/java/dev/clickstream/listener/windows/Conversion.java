package dev.clickstream.listener.windows;

import org.jspecify.annotations.Nullable;

import dev.clickstream.model.EventNames;
import dev.clickstream.model.WindowResult;

/**
 * A window's funnel in ratios; each is null when its denominator is zero.
 *
 * @param viewToBasket basket adds per product view
 * @param basketToPurchase purchases per basket add
 * @param basketRemoval basket removals per basket add
 */
public record Conversion(@Nullable Double viewToBasket, @Nullable Double basketToPurchase,
		@Nullable Double basketRemoval) {

	static Conversion of(WindowResult window) {
		long views = window.count(EventNames.PRODUCT_VIEW);
		long adds = window.count(EventNames.ADD_TO_BASKET);
		return new Conversion(ratio(adds, views), ratio(window.count(EventNames.PURCHASE), adds),
				ratio(window.count(EventNames.REMOVE_FROM_BASKET), adds));
	}

	private static @Nullable Double ratio(long numerator, long denominator) {
		return (denominator == 0) ? null : (double) numerator / denominator;
	}

}
