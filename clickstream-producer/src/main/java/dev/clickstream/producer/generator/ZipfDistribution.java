package dev.clickstream.producer.generator;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Ranks 0 … n-1 drawn with probability proportional to 1 / (rank + 1)^exponent: a few items take most of the draws,
 * as a few products take most of a shop's views. Exponent 0 is uniform.
 */
final class ZipfDistribution {

	/** Cumulative weights, normalised so that the last is 1. */
	private final double[] cumulative;

	ZipfDistribution(int n, double exponent) {
		if (n < 1 || exponent < 0 || Double.isNaN(exponent)) {
			throw new IllegalArgumentException("need n >= 1 and exponent >= 0, were " + n + " and " + exponent);
		}
		this.cumulative = new double[n];
		double sum = 0;
		for (int rank = 0; rank < n; rank++) {
			sum += weight(rank, exponent);
			this.cumulative[rank] = sum;
		}
		for (int rank = 0; rank < n; rank++) {
			this.cumulative[rank] /= sum;
		}
	}

	/** The probability that a draw falls on one of the {@code ranks} most likely ranks. */
	static double share(int ranks, int n, double exponent) {
		double top = 0;
		double all = 0;
		for (int rank = 0; rank < n; rank++) {
			double weight = weight(rank, exponent);
			all += weight;
			if (rank < ranks) {
				top += weight;
			}
		}
		return top / all;
	}

	int next(SplittableRandom random) {
		int found = Arrays.binarySearch(this.cumulative, random.nextDouble());
		// nextDouble() is below 1, the last entry, so the insertion point is always inside the array.
		return found >= 0 ? found + 1 : -found - 1;
	}

	private static double weight(int rank, double exponent) {
		return 1 / Math.pow(rank + 1, exponent);
	}

}
