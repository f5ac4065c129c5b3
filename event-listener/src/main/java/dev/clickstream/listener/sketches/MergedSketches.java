package dev.clickstream.listener.sketches;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import org.apache.datasketches.frequencies.ErrorType;
import org.apache.datasketches.frequencies.ItemsSketch;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.Union;

import dev.clickstream.listener.changelog.Sketches;
import dev.clickstream.model.ProductCount;
import dev.clickstream.model.TopProducts;
import dev.clickstream.model.UniqueUsers;

/**
 * The partitions' sketches of a window, or since the start, merged: the figures of all their events together,
 * whichever partition each event was on.
 *
 * @param uniqueUsers distinct users of all the events
 * @param topProducts the most viewed and bought products of all the events
 * @param users the merged HLL sketch, to merge further (windows into days)
 * @param partial whether any partition's sketches miss events counted before sketches were kept
 */
public record MergedSketches(UniqueUsers uniqueUsers, TopProducts topProducts, byte[] users, boolean partial) {

	/** The bounds of {@link UniqueUsers}: two standard errors, about 95% confidence. */
	private static final int STANDARD_ERRORS = 2;

	private static final Comparator<ProductCount> MOST_FIRST = Comparator.comparingLong(ProductCount::count)
		.reversed()
		.thenComparing(ProductCount::productId);

	/**
	 * @param partitions the sketches of each partition, in partition order
	 */
	public static MergedSketches of(Collection<Sketches> partitions) {
		Union users = union(partitions.stream().map(Sketches::users).toList());
		boolean partial = partitions.stream().anyMatch(Sketches::partial);
		byte[] merged = users.getResult(EventSketches.HLL_TYPE).toCompactByteArray();
		return new MergedSketches(uniqueUsers(users), new TopProducts(top(partitions, Sketches::viewed),
				top(partitions, Sketches::purchased)), merged, partial);
	}

	/** The distinct users of several windows, from the Base64 HLL sketches of their results. */
	public static UniqueUsers uniqueUsers(Collection<String> base64Sketches) {
		return uniqueUsers(union(base64Sketches.stream().map(Base64.getDecoder()::decode).toList()));
	}

	/**
	 * A union of a single sketch keeps that sketch's running (HIP) estimate, which depends on how the events were
	 * spread over partitions; a second merge of it changes no register and makes the union estimate from its
	 * registers alone, as a union of several does. So the figure is the same whichever partition each event was on.
	 */
	private static Union union(List<byte[]> sketches) {
		Union union = new Union(EventSketches.LG_K);
		for (byte[] sketch : sketches) {
			union.update(HllSketch.heapify(sketch));
		}
		if (sketches.size() == 1) {
			union.update(HllSketch.heapify(sketches.get(0)));
		}
		return union;
	}

	// The sketch's figures carry floating-point noise around whole numbers: 2 users come as 2.0000000149.
	private static final double NOISE = 1e-6;

	private static UniqueUsers uniqueUsers(Union union) {
		return new UniqueUsers(Math.round(union.getEstimate()),
				(long) Math.floor(union.getLowerBound(STANDARD_ERRORS) + NOISE),
				(long) Math.ceil(union.getUpperBound(STANDARD_ERRORS) - NOISE));
	}

	/**
	 * The top products over all partitions. DataSketches' own merge adds the other sketch's items in the order of its
	 * hash table, and when the merged sketch purges on the way the result depends on that order, which two equal
	 * sketches need not share. Here items are added in product order, so equal sketches always merge alike; the
	 * partitions' purge offsets, which the merged sketch does not carry, are added to each upper bound.
	 */
	private static List<ProductCount> top(Collection<Sketches> partitions, Function<Sketches, byte[]> which) {
		ItemsSketch<String> merged = new ItemsSketch<>(EventSketches.TOP_MAP_SIZE);
		long partitionOffsets = 0;
		for (Sketches partition : partitions) {
			ItemsSketch<String> sketch = EventSketches.items(which.apply(partition));
			partitionOffsets += sketch.getMaximumError();
			ItemsSketch.Row<String>[] rows = sketch.getFrequentItems(0, ErrorType.NO_FALSE_NEGATIVES);
			Arrays.sort(rows, Comparator.comparing(ItemsSketch.Row::getItem));
			for (ItemsSketch.Row<String> row : rows) {
				merged.update(row.getItem(), row.getLowerBound());
			}
		}
		List<ProductCount> counts = new ArrayList<>();
		for (ItemsSketch.Row<String> row : merged.getFrequentItems(0, ErrorType.NO_FALSE_NEGATIVES)) {
			long upper = row.getUpperBound() + partitionOffsets;
			counts.add(new ProductCount(row.getItem(), upper, row.getLowerBound(), upper));
		}
		counts.sort(MOST_FIRST);
		return List.copyOf(counts.subList(0, Math.min(TopProducts.SIZE, counts.size())));
	}

	/** The merged users sketch, Base64, as window results carry it. */
	public String usersBase64() {
		return Base64.getEncoder().encodeToString(this.users);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof MergedSketches that && this.uniqueUsers.equals(that.uniqueUsers)
				&& this.topProducts.equals(that.topProducts) && Arrays.equals(this.users, that.users)
				&& this.partial == that.partial;
	}

	@Override
	public int hashCode() {
		return this.uniqueUsers.hashCode() * 31 + this.topProducts.hashCode();
	}

}
