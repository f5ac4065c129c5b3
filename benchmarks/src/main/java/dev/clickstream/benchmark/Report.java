package dev.clickstream.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/** The run as markdown, added on top of the earlier runs in {@code docs/benchmarks.md}. */
final class Report {

	private static final String RUNS_MARKER = "<!-- runs, newest first -->";

	private static final String HEADER = """
			# Benchmarks

			The event-listener as shipped against the standard tools, on one local broker (`local-kafka`, KRaft, one node,
			fresh data directory under `benchmarks/target/`), in one run: `./run-benchmarks.sh` (see the script for its
			settings). Every contender runs in a JVM of its own with the same JVM options; the broker and the harness share
			the machine with it. Each throughput figure is the median of the repetitions; each repetition has a fresh input
			topic of N seed-format events (about 110 B of the generator's JSON, keyed by userId, uncompressed as the
			generator writes them, 3 partitions) and fresh output topics and consumer groups. An untimed warm-up round
			runs first, because the first run on a fresh broker is markedly slower.

			How each figure is measured:
			- **listener**: the event-listener jar as shipped (exactly once, one-minute windows on, with their unique-user
			  and top-product sketches and those since the start) with
			  `--clickstream.snapshots.interval=100ms`, from the
			  moment its consumer group first owns all three input partitions (polled through the Admin API every 20 ms) to
			  the moment a read_committed observer receives a snapshot whose total is N. JVM and Spring startup are left out
			  and reported apart; the snapshot interval adds up to 100 ms at the end.
			- **listener (Jackson parser)**: the same with `--clickstream.counting.compact-reader=false`: every record
			  parsed by Jackson, without the hand-written reader of the generator's compact form.
			- **Kafka Streams EOS**: `groupBy(eventName).count()` parsing with the listener's `ClickEventReader`,
			  `processing.guarantee=exactly_once_v2`, `commit.interval.ms=100`, counts to an output topic; same start line,
			  finish when the read_committed observer sees counts that total N.
			- **Kafka Streams EOS, windowed**: the same, counting per name and one-minute event-time window
			  (`windowedBy(TimeWindows.ofSizeAndGrace(1 min, 1 h)).count()`, timestamps from the event's date), as the
			  listener does besides its totals; finish when the per-window counts total N. The input's dates advance a
			  second every thousand events, in order within each partition: a million events span seventeen windows.
			  The grace is an hour, not the listener's 30 s: Streams windows after its repartition by name, where the
			  three partitions' events interleave as fast as each is read, and with 30 s it dropped a large share of
			  them as expired ("Skipping record for expired window"), so its counts never reached N. The listener keeps
			  a watermark per input partition, in which these events are in order, and drops none.
			- **listener (windows off)**: the listener with `--clickstream.windows.enabled=false`, totals only, no
			  sketches. The input's users and products are random strings, every one new, as the seed's script makes
			  them: the sketches' worst case, every HLL dense and every top-product sketch purging.
			- **raw consumer**: one `KafkaConsumer` (the listener's fetch settings) that parses each record with
			  `ClickEventReader` and counts per name in memory; same start line, finish when it has counted N.
			- **generator**: the producer jar with its default `shop` model, at a configured rate far above what it can do,
			  with a limit of N; acknowledged
			  events per second from `/actuator/metrics/clickstream.events.produced` polled every 50 ms, between the first
			  poll that shows acknowledgements and the poll that shows N.
			- **generator (Jackson writer)**: the same with the producer property `clickstream.json-writer=jackson`: each
			  event written by a Jackson `ObjectWriter` instead of the hand-written `ClickEventWriter` (the same bytes).
			- **generator (seed model)**: the same with `--clickstream.generator.model=seed`, the original script's
			  uniformly random ids; the records are as long as the shop model's.
			- **ProducerPerformance**: `org.apache.kafka.tools.ProducerPerformance --record-size 115 --throughput -1
			  acks=all linger.ms=5 batch.size=65536`, its own records/sec.
			- **latency**: the producer jar at a fixed rate and the listener (its snapshot interval stated), together; an event
			  sent at t (its record timestamp, set by the producer client in `send()`) with rank i by send time is included
			  when the read_committed observer receives a snapshot with total ≥ i. The first seconds are left out. It runs
			  twice: with the generator's `shop` traffic, and with its `seed` traffic, every user and product new, which
			  keeps the listener's sketches at their largest.
			- **RSS**: VmRSS from `/proc/<pid>/status`, sampled every 250 ms.
			- **CPU**: user + system time from `/proc/<pid>/stat` (JIT and GC threads included) over the measured interval,
			  of the contender and of the broker; in the latency run from the end of the warm-up to the last snapshot, as %
			  of one core. The raw consumer reads its own.

			""" + RUNS_MARKER + "\n";

	private Report() {
	}

	static String run(Settings settings, ZonedDateTime startedAt, String loadAtStart, String loadAtEnd,
			List<Measurement> measurements, List<LatencyRun.Result> latencies,
			ListenerProfile.@Nullable Result profile) {
		StringBuilder md = new StringBuilder();
		List<Measurement> timed = timed(measurements);
		md.append("## ").append(startedAt.withZoneSameInstant(ZoneOffset.UTC)
			.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")))
			.append(" — N = ").append(String.format(Locale.ROOT, "%,d", settings.events()))
			.append(", ").append(settings.repetitions()).append(" repetitions\n\n");
		md.append("Machine: ").append(Machine.cpu()).append(", ").append(Machine.memory()).append(" RAM, ")
			.append(Machine.jdk()).append(", ").append(Machine.os()).append(".  \n");
		md.append("Load average (1 / 5 / 15 min): ").append(loadAtStart).append(" at the start, ").append(loadAtEnd)
			.append(" at the end; the 1-minute load just before each timed run was ")
			.append(loadRange(timed)).append(".  \n");
		md.append("Settings: listener snapshot interval ").append(settings.snapshotInterval().toMillis())
			.append(" ms; listener arguments ").append(args(settings.listenerArgs()))
			.append("; contender JVM options ").append(args(settings.contenderJvmOptions()))
			.append("; Streams threads ").append(settings.streamsThreads()).append("; raw max.poll.records ")
			.append(settings.rawMaxPollRecords()).append("; generator rate ").append(settings.generatorRate())
			.append(", arguments ").append(args(settings.generatorArgs()))
			.append("; dashboards open in the runs with dashboards ").append(settings.dashboards());
		if (settings.tuned()) {
			md.append("; tuned listener arguments ").append(args(settings.tunedListenerArgs()))
				.append(", JVM options ").append(args(settings.tunedListenerJvmOptions().isEmpty()
						? settings.contenderJvmOptions() : settings.tunedListenerJvmOptions()));
		}
		md.append(".\n\n");

		Map<String, List<Measurement>> byContender = byContender(timed);
		md.append("| Contender | events/s (median) | each repetition | startup ms (median) | peak RSS MB (median) | "
				+ "CPU µs per event, contender + broker (median) |\n");
		md.append("|---|--:|--:|--:|--:|--:|\n");
		byContender.forEach((contender, runs) -> md.append("| ").append(contender).append(" | ")
			.append(thousands(median(runs))).append(" | ")
			.append(runs.stream().map(m -> thousands(m.eventsPerSecond())).collect(Collectors.joining(" / ")))
			.append(" | ").append(Math.round(Stats.median(runs.stream().map(m -> (double) m.startupMillis()).toList())))
			.append(" | ").append(Math.round(Stats.median(runs.stream().map(m -> m.peakRssKb() / 1024.0).toList())))
			.append(" | ").append(cpuPerEvent(runs)).append(" |\n"));
		md.append('\n');

		md.append("| Ratio | measured | target | |\n|---|--:|--:|---|\n");
		ratioRows(md, byContender);
		md.append('\n');

		if (!latencies.isEmpty()) {
			md.append("End-to-end latency at ").append(String.format(Locale.ROOT, "%,d", settings.latencyRate()))
				.append(" events/s, the producer jar and the listener together, snapshot interval ")
				.append(settings.latencySnapshotInterval().toMillis()).append(" ms, ")
				.append(settings.latencyDuration().toSeconds()).append(" s of sending, the first ")
				.append(settings.latencyWarmup().toSeconds()).append(" s left out; target p99 ≤ 200 ms:\n\n");
			md.append("| Listener | p50 | p99 | max | events measured | achieved rate | counted | CPU: listener / producer / "
					+ "broker | load before, after |\n")
				.append("|---|--:|--:|--:|--:|--:|--:|--:|---|\n");
			for (LatencyRun.Result latency : latencies) {
				md.append("| ").append(latency.label()).append(" | ").append(latency.p50Millis()).append(" ms | ")
					.append(latency.p99Millis()).append(" ms").append(latency.p99Millis() <= 200 ? "" : " (**not met**)")
					.append(" | ").append(latency.maxMillis()).append(" ms | ")
					.append(String.format(Locale.ROOT, "%,d", latency.measured())).append(" | ")
					.append(thousands(latency.achievedRate())).append("/s | ")
					.append(thousands(latency.countedRate())).append("/s | ")
					.append(String.format(Locale.ROOT, "%.0f%% / %.0f%% / %.0f%%", latency.listenerCpuPercent(),
							latency.producerCpuPercent(), latency.brokerCpuPercent()))
					.append(" | ").append(latency.load()).append(" |\n");
			}
			dashboardsAtRate(md, latencies);
			md.append("\nResident memory at steady state under that load (VmRSS after the warm-up; target ≤ 300 MB each):\n\n");
			md.append("| Service | median | max | |\n|---|--:|--:|---|\n");
			for (LatencyRun.Result latency : latencies) {
				rss(md, "event-listener: " + latency.label(), latency.listenerRssKb());
				rss(md, "clickstream-producer (with " + latency.label() + ")", latency.producerRssKb());
			}
			md.append('\n');
		}

		if (profile != null) {
			Measurement m = profile.measurement();
			md.append("### Listener profile (JFR)\n\n");
			md.append("One more listener run under `-XX:StartFlightRecording` (settings=profile), ")
				.append(thousands(m.eventsPerSecond())).append(" events/s, ").append(m.detail()).append("; ")
				.append(profile.samples()).append(" execution samples in the counting interval only; ")
				.append(profile.gc()).append(". Recording: `").append(profile.recording()).append("`.\n\n");
			table(md, "Thread", "share of samples", profile.byThread(), "%");
			table(md, "Method on top of the stack (self)", "share of samples", profile.selfTop(), "%");
			table(md, "Method anywhere on the stack (inclusive)", "share of samples", profile.inclusiveTop(), "%");
			table(md, "Allocated class", "share of sampled bytes", profile.allocationTop(), "%");
			table(md, "Allocating frame", "share of sampled bytes", profile.allocationSites(), "%");
			Map<String, Double> waits = new LinkedHashMap<>();
			profile.waits().forEach((k, v) -> waits.put(k, v.doubleValue()));
			table(md, "Counting threads waited in (parks and socket reads ≥ 1 ms)", "ms, all threads", waits, "");
		}

		md.append("<details><summary>Every repetition</summary>\n\n");
		md.append("| Round | Contender | events/s | measured ms | startup ms | events/s from launch | peak RSS MB | "
				+ "CPU ms, contender / broker | 1-min load | detail |\n|---|---|--:|--:|--:|--:|--:|--:|--:|---|\n");
		for (Measurement m : measurements) {
			md.append("| ").append(m.round()).append(" | ").append(m.contender()).append(" | ")
				.append(thousands(m.eventsPerSecond())).append(" | ").append(m.millis()).append(" | ")
				.append(m.startupMillis()).append(" | ")
				.append(m.startupMillis() > 0 ? thousands(m.eventsPerSecond() * m.millis() / (m.millis() + m.startupMillis())) : "")
				.append(" | ").append(m.peakRssKb() / 1024).append(" | ")
				.append(m.cpuMillis() < 0 ? "" : m.cpuMillis() + " / " + m.brokerCpuMillis()).append(" | ")
				.append(m.load()).append(" | ")
				.append(m.detail().replace("|", "\\|")).append(" |\n");
		}
		md.append("\n</details>\n\n");
		return md.toString();
	}

	/** Ratios as the harness prints them. */
	static String ratios(List<Measurement> measurements) {
		StringBuilder text = new StringBuilder();
		ratioRows(text, byContender(timed(measurements)));
		return text.toString();
	}

	private static List<Measurement> timed(List<Measurement> measurements) {
		return measurements.stream().filter(m -> !m.round().equals("warmup")).toList();
	}

	/** The timed measurements of each contender, in the order they ran. */
	private static Map<String, List<Measurement>> byContender(List<Measurement> timed) {
		Map<String, List<Measurement>> byContender = new LinkedHashMap<>();
		timed.forEach(m -> byContender.computeIfAbsent(m.contender(), c -> new ArrayList<>()).add(m));
		return byContender;
	}

	/**
	 * Each run with dashboards open against the same run without: the events counted per second at the fixed rate,
	 * with and without, judged by a drop of at most 5%.
	 */
	private static void dashboardsAtRate(StringBuilder md, List<LatencyRun.Result> latencies) {
		for (LatencyRun.Result withDashboards : latencies) {
			if (withDashboards.dashboards() == 0) {
				continue;
			}
			latencies.stream()
				.filter(latency -> latency.dashboards() == 0 && latency.listener().equals(withDashboards.listener()))
				.findFirst()
				.ifPresent(alone -> {
					double ratio = withDashboards.countedRate() / alone.countedRate();
					md.append("\nCounted at that rate, ").append(withDashboards.label()).append(" ÷ without: ")
						.append(thousands(withDashboards.countedRate())).append(" ÷ ")
						.append(thousands(alone.countedRate())).append(" events/s = **")
						.append(String.format(Locale.ROOT, "%.2f", ratio)).append("** (target ≥ 0.95, ")
						.append(ratio >= 0.95 ? "met" : "**not met**").append(").\n");
				});
		}
	}

	/** The ratios the benchmarks are judged by, each a table row with its target. */
	private static void ratioRows(StringBuilder md, Map<String, List<Measurement>> byContender) {
		ratio(md, "listener ÷ Kafka Streams EOS", byContender, ThroughputRuns.LISTENER, ThroughputRuns.STREAMS, 2.0);
		ratio(md, "listener ÷ raw consumer", byContender, ThroughputRuns.LISTENER, ThroughputRuns.RAW, 0.7);
		ratio(md, "listener ÷ Kafka Streams EOS, windowed", byContender, ThroughputRuns.LISTENER,
				ThroughputRuns.STREAMS_WINDOWED, 2.0);
		ratio(md, "listener ÷ listener (windows off)", byContender, ThroughputRuns.LISTENER,
				ThroughputRuns.LISTENER_WITHOUT_WINDOWS, 0.7);
		ratio(md, "listener (dashboards open) ÷ listener", byContender, ThroughputRuns.LISTENER_WITH_DASHBOARDS,
				ThroughputRuns.LISTENER, 0.95);
		ratio(md, "generator ÷ ProducerPerformance", byContender, ThroughputRuns.GENERATOR, ThroughputRuns.PERF, 0.8);
		ratio(md, "generator (seed model) ÷ ProducerPerformance", byContender, ThroughputRuns.GENERATOR_SEED_MODEL,
				ThroughputRuns.PERF, 0.8);
		// The hand-written codecs stay only while each is worth at least 10% end to end.
		ratio(md, "listener ÷ listener (Jackson parser)", byContender, ThroughputRuns.LISTENER,
				ThroughputRuns.LISTENER_JACKSON, 1.1);
		ratio(md, "generator ÷ generator (Jackson writer)", byContender, ThroughputRuns.GENERATOR,
				ThroughputRuns.GENERATOR_JACKSON, 1.1);
		if (byContender.containsKey(ThroughputRuns.TUNED)) {
			ratio(md, "tuned listener ÷ Kafka Streams EOS", byContender, ThroughputRuns.TUNED, ThroughputRuns.STREAMS,
					2.0);
			ratio(md, "tuned listener ÷ raw consumer", byContender, ThroughputRuns.TUNED, ThroughputRuns.RAW, 0.7);
		}
	}

	static void write(Path file, String run) {
		try {
			String earlier = "";
			if (Files.exists(file)) {
				String existing = Files.readString(file, StandardCharsets.UTF_8);
				int marker = existing.indexOf(RUNS_MARKER);
				earlier = (marker < 0) ? "" : existing.substring(marker + RUNS_MARKER.length()).stripLeading();
			}
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.writeString(file, HEADER + "\n" + run + earlier, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + file, ex);
		}
	}

	private static void ratio(StringBuilder md, String name, Map<String, List<Measurement>> byContender,
			String numerator, String denominator, double target) {
		if (!byContender.containsKey(numerator) || !byContender.containsKey(denominator)) {
			return;
		}
		double value = median(byContender.get(numerator)) / median(byContender.get(denominator));
		md.append("| ").append(name).append(" | ").append(String.format(Locale.ROOT, "%.2f", value)).append(" | ≥ ")
			.append(target).append(" | ").append(value >= target ? "met" : "**not met**").append(" |\n");
	}

	private static void rss(StringBuilder md, String service, long[] kb) {
		md.append("| ").append(service).append(" | ").append(kb[0] / 1024).append(" MB | ").append(kb[1] / 1024)
			.append(" MB | ").append(kb[1] / 1024 <= 300 ? "met" : "**not met**").append(" |\n");
	}

	private static void table(StringBuilder md, String what, String unit, Map<String, Double> rows, String suffix) {
		md.append("| ").append(what).append(" | ").append(unit).append(" |\n|---|--:|\n");
		rows.forEach((key, value) -> md.append("| `").append(key).append("` | ")
			.append(String.format(Locale.ROOT, suffix.isEmpty() ? "%.0f" : "%.1f", value)).append(suffix)
			.append(" |\n"));
		md.append('\n');
	}

	/** CPU time per event of the contender and of the broker, in µs, over the measured intervals. */
	private static String cpuPerEvent(List<Measurement> runs) {
		List<Measurement> measured = runs.stream().filter(m -> m.cpuMillis() >= 0 && m.brokerCpuMillis() >= 0).toList();
		if (measured.isEmpty()) {
			return "";
		}
		double contender = Stats.median(measured.stream().map(m -> m.cpuMillis() * 1000.0 / events(m)).toList());
		double broker = Stats.median(measured.stream().map(m -> m.brokerCpuMillis() * 1000.0 / events(m)).toList());
		return String.format(Locale.ROOT, "%.1f + %.1f", contender, broker);
	}

	private static double events(Measurement m) {
		return m.eventsPerSecond() * m.millis() / 1000.0;
	}

	private static double median(List<Measurement> runs) {
		return Stats.median(runs.stream().map(Measurement::eventsPerSecond).toList());
	}

	private static String thousands(double value) {
		return String.format(Locale.ROOT, "%,d", Math.round(value));
	}

	private static String loadRange(List<Measurement> timed) {
		double min = timed.stream().mapToDouble(Measurement::load).min().orElse(Double.NaN);
		double max = timed.stream().mapToDouble(Measurement::load).max().orElse(Double.NaN);
		return String.format(Locale.ROOT, "%.2f–%.2f", min, max);
	}

	private static String args(List<String> args) {
		return args.isEmpty() ? "(none)" : "`" + String.join(" ", args) + "`";
	}

}
