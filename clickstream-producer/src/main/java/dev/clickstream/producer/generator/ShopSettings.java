package dev.clickstream.producer.generator;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The shop model's catalog, population and funnel. After each view a session's next step is one of: put the product
 * just viewed in the basket ({@code addToBasket}), take a random item out ({@code removeFromBasket}, when the basket
 * has one), leave ({@code leave}; with items in the basket it buys them all with probability {@code purchase}), or
 * view another product (the rest).
 *
 * @param products the size of the catalog
 * @param zipfExponent how unequal the products' popularity is: 0 uniform, 1 the classic Zipf law
 * @param users the size of the population
 * @param openSessions how many sessions are under way at any time
 * @param addToBasket the probability that a view is followed by putting that product in the basket
 * @param removeFromBasket the probability of taking an item out of the basket, per step
 * @param leave the probability of ending the session, per step
 * @param purchase the probability that a session ending with items in the basket buys them
 */
record ShopSettings(@DefaultValue("1000") @Min(1) @Max(1_000_000) int products,
		@DefaultValue("1.0") @DecimalMin("0") @DecimalMax("5") double zipfExponent,
		@DefaultValue("10000") @Min(2) @Max(10_000_000) int users, @DefaultValue("200") @Positive int openSessions,
		@DefaultValue("0.12") @DecimalMin("0") @DecimalMax("1") double addToBasket,
		@DefaultValue("0.03") @DecimalMin("0") @DecimalMax("1") double removeFromBasket,
		@DefaultValue("0.08") @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") double leave,
		@DefaultValue("0.5") @DecimalMin("0") @DecimalMax("1") double purchase) {

	/** Room for a new session's user to be found in a few draws. */
	@AssertTrue(message = "open-sessions must be at most half of users")
	public boolean isOpenSessionsAtMostHalfOfUsers() {
		return this.openSessions <= this.users / 2;
	}

	@AssertTrue(message = "add-to-basket + remove-from-basket + leave must be at most 1")
	public boolean isFunnelAProbability() {
		return this.addToBasket + this.removeFromBasket + this.leave <= 1;
	}

}
