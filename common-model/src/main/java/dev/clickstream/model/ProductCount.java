package dev.clickstream.model;

/**
 * How often one product was viewed or bought, from a frequent-items sketch. The count is exact, and both bounds equal
 * it, while the distinct products fit the sketch; beyond that the true count lies within the bounds, always.
 *
 * @param productId the product
 * @param count the estimated count: the upper bound, as the sketch estimates
 * @param lowerBound the true count is at least this
 * @param upperBound the true count is at most this
 */
public record ProductCount(String productId, long count, long lowerBound, long upperBound) {

}
