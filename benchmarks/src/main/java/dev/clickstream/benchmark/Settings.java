package dev.clickstream.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What to measure and how, from environment variables (see {@code ./run-benchmarks.sh}).
 *
 * @param events N: events per throughput repetition
 * @param repetitions each throughput figure is the median of this many
 * @param warmupEvents events of the untimed warm-up round on the fresh broker; 0 for none
 * @param snapshotInterval the listener's snapshot interval in the throughput runs
 * @param listenerArgs extra arguments of the listener as shipped (normally none)
 * @param tunedListenerArgs if not empty, a second listener contender with these extra arguments, also run in the
 * latency run
 * @param tunedListenerJvmOptions JVM options of the tuned listener, in place of {@code contenderJvmOptions}
 * @param contenderJvmOptions JVM options of the listener, Streams and raw JVMs alike
 * @param streamsThreads num.stream.threads of the Kafka Streams contender
 * @param rawMaxPollRecords max.poll.records of the raw consumer
 * @param generatorRate the generator's configured rate when measuring its highest sustained rate
 * @param generatorArgs extra arguments of the generator
 * @param latencyRate events per second in the latency run
 * @param latencyDuration how long the latency run sends
 * @param latencyWarmup the first part of the latency run left out of the percentiles
 * @param latencySnapshotInterval the listener's snapshot interval in the latency run
 * @param profile whether to run the listener once more under JFR and summarise the recording
 * @param dashboards how many dashboards are open in the runs with dashboards
 * @param skip parts to leave out: listener, listener-jackson, listener-no-windows, tuned, streams,
 * streams-windowed, raw, generator, generator-jackson, generator-seed, perf, latency, latency-seed, profile
 * @param report the markdown file the run is added to
 */
record Settings(long events, int repetitions, long warmupEvents, Duration snapshotInterval, List<String> listenerArgs,
		List<String> tunedListenerArgs, List<String> tunedListenerJvmOptions, List<String> contenderJvmOptions, int streamsThreads, int rawMaxPollRecords,
		long generatorRate, List<String> generatorArgs, int latencyRate, Duration latencyDuration,
		Duration latencyWarmup, Duration latencySnapshotInterval, boolean profile, int dashboards, Set<String> skip,
		Path report) {

	static Settings fromEnvironment() {
		long events = longEnv("N", 1_000_000);
		return new Settings(events, (int) longEnv("REPS", 3), longEnv("WARMUP_N", Math.min(events, 500_000)),
				Duration.ofMillis(longEnv("SNAPSHOT_INTERVAL_MS", 100)), words("LISTENER_ARGS"),
				words("TUNED_LISTENER_ARGS"), words("TUNED_LISTENER_JVM_OPTS"), words("CONTENDER_JVM_OPTS"), (int) longEnv("STREAMS_THREADS", 1),
				(int) longEnv("RAW_MAX_POLL_RECORDS", 10_000), longEnv("GENERATOR_RATE", 10_000_000),
				words("GENERATOR_ARGS"), (int) longEnv("LATENCY_RATE", 10_000),
				Duration.ofSeconds(longEnv("LATENCY_SECONDS", 60)),
				Duration.ofSeconds(longEnv("LATENCY_WARMUP_SECONDS", 10)),
				Duration.ofMillis(longEnv("LATENCY_SNAPSHOT_INTERVAL_MS", 100)), longEnv("PROFILE", 1) != 0,
				(int) longEnv("DASHBOARDS", 50),
				Arrays.stream(env("SKIP", "").split("[ ,]+"))
					.map(part -> part.trim().toLowerCase(Locale.ROOT))
					.filter(part -> !part.isEmpty())
					.collect(Collectors.toUnmodifiableSet()),
				Path.of(env("REPORT", "docs/benchmarks.md")));
	}

	boolean tuned() {
		return !this.tunedListenerArgs.isEmpty() || !this.tunedListenerJvmOptions.isEmpty();
	}

	boolean runs(String part) {
		return !this.skip.contains(part);
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value.trim();
	}

	private static long longEnv(String name, long fallback) {
		String value = env(name, "");
		return value.isEmpty() ? fallback : Long.parseLong(value.replace("_", "").replace(",", ""));
	}

	private static List<String> words(String name) {
		String value = env(name, "");
		return value.isEmpty() ? List.of() : List.of(value.split("\\s+"));
	}

}
