package dev.clickstream.benchmark;

import java.util.Arrays;
import java.util.Collection;

/** Medians and percentiles of small samples. */
final class Stats {

	private Stats() {
	}

	static double median(Collection<Double> values) {
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	/** The nearest-rank percentile of sorted values, p in (0, 100]. */
	static long percentile(long[] sorted, double p) {
		if (sorted.length == 0) {
			return -1;
		}
		int rank = (int) Math.ceil(p / 100.0 * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
	}

	static long[] sorted(long[] values) {
		long[] copy = values.clone();
		Arrays.sort(copy);
		return copy;
	}

}
