package dev.clickstream.model;

import java.util.List;

/**
 * The seed's four event names, the steps of a shop's funnel: a product is viewed, put in the basket, perhaps taken
 * out again, and bought.
 */
public final class EventNames {

	public static final String PRODUCT_VIEW = "productview";

	public static final String ADD_TO_BASKET = "addtobasket";

	public static final String REMOVE_FROM_BASKET = "removefrombasket";

	public static final String PURCHASE = "purchase";

	/** In the seed's order, which is also the order of the fields of its snapshot. */
	public static final List<String> SEED = List.of(PRODUCT_VIEW, PURCHASE, ADD_TO_BASKET, REMOVE_FROM_BASKET);

	private EventNames() {
	}

}
