package dev.clickstream.model;

/**
 * How many distinct users an estimate counts, from a HyperLogLog sketch, with the bounds the true number lies within
 * at about 95% confidence (two standard errors). The standard error is {@link #RELATIVE_STANDARD_ERROR}; below a few
 * hundred users the sketch keeps them all and the figure is exact.
 *
 * @param estimate the estimated number of distinct users
 * @param lowerBound the true number is at least this, at about 95% confidence
 * @param upperBound the true number is at most this, at about 95% confidence
 */
public record UniqueUsers(long estimate, long lowerBound, long upperBound) {

	/** The sketches' relative standard error: 1.04 / √4096 for 2^12 registers. */
	public static final double RELATIVE_STANDARD_ERROR = 0.01625;

	public static final UniqueUsers NONE = new UniqueUsers(0, 0, 0);

}
