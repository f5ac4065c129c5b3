package dev.clickstream.benchmark;

import java.nio.file.Path;
import java.time.Instant;

/**
 * Prints the summary the report gives of the listener's recording, for any recording: where the CPU goes, what
 * allocates, where the threads wait. {@code java -cp <benchmarks classpath> dev.clickstream.benchmark.JfrSummary
 * <file.jfr>}.
 */
public final class JfrSummary {

	private JfrSummary() {
	}

	public static void main(String[] args) {
		if (args.length != 1) {
			throw new IllegalArgumentException("usage: JfrSummary <recording.jfr>");
		}
		ListenerProfile.Result result = ListenerProfile.summarise(
				new Measurement("recording", "-", 0, 0, 0, 0, 0, 0, "", -1, -1), Path.of(args[0]), Instant.MIN, Instant.MAX);
		System.out.println(result.samples() + " execution samples; " + result.gc());
		print("threads", result.byThread());
		print("self", result.selfTop());
		print("inclusive", result.inclusiveTop());
		print("allocated classes", result.allocationTop());
		print("allocating frames", result.allocationSites());
		System.out.println("waits (ms) of counting threads: " + result.waits());
	}

	private static void print(String title, java.util.Map<String, Double> shares) {
		System.out.println("== " + title);
		shares.forEach((key, share) -> System.out.printf("%6.1f%%  %s%n", share, key));
	}

}
