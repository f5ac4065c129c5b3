package dev.clickstream.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.clickstream.systemtest.harness.BuiltJars;
import dev.clickstream.systemtest.harness.KafkaBrokerProcess;

/**
 * Starts one fresh local broker, warms it up, runs every contender {@code REPS} times on N events, then the latency
 * run and the listener profile, prints the ratios and adds the run to {@code docs/benchmarks.md}.
 */
public final class Benchmarks {

	private static final Logger log = LoggerFactory.getLogger(Benchmarks.class);

	private Benchmarks() {
	}

	public static void main(String[] args) {
		Settings settings = Settings.fromEnvironment();
		ZonedDateTime startedAt = ZonedDateTime.now();
		String loadAtStart = Machine.loadAverages();
		Path dir = Path.of("benchmarks", "target", "runs",
				startedAt.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))).toAbsolutePath();
		log.info("benchmark run in {}: N={}, repetitions={}, load {}", dir, settings.events(), settings.repetitions(),
				loadAtStart);
		List<Measurement> measurements = new ArrayList<>();
		List<LatencyRun.Result> latencies = new ArrayList<>();
		ListenerProfile.@Nullable Result profile = null;
		// Copies: others may rebuild the jars in target/ while this runs.
		Path jars = dir.resolve("jars");
		Path kafkaJar = copy(BuiltJars.localKafka(), jars);
		Path listenerJar = copy(BuiltJars.eventListener(), jars);
		Path producerJar = copy(BuiltJars.clickstreamProducer(), jars);
		try (KafkaBrokerProcess broker = new KafkaBrokerProcess(kafkaJar, dir.resolve("kafka"));
				RssSampler rss = new RssSampler()) {
			broker.start();
			try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
					broker.bootstrapServers(), AdminClientConfig.CLIENT_ID_CONFIG, "benchmark-admin"))) {
				Bench bench = new Bench(settings, broker.bootstrapServers(), admin, dir, rss, listenerJar,
						producerJar, broker.pid());
				ThroughputRuns runs = new ThroughputRuns(bench);
				if (settings.warmupEvents() > 0) {
					measurements.addAll(runs.round("warmup", settings.warmupEvents()));
				}
				for (int repetition = 1; repetition <= settings.repetitions(); repetition++) {
					measurements.addAll(runs.round("r" + repetition, settings.events()));
				}
				if (settings.runs("latency")) {
					latencies.add(new LatencyRun(bench).run(ThroughputRuns.LISTENER + ", shop traffic", "latency",
							settings.listenerArgs(), settings.contenderJvmOptions(), "shop", 0));
					if (settings.runs("latency-dashboards")) {
						latencies.add(new LatencyRun(bench).run(ThroughputRuns.LISTENER + ", shop traffic",
								"latency-dashboards", settings.listenerArgs(), settings.contenderJvmOptions(), "shop",
								settings.dashboards()));
					}
					if (settings.runs("latency-seed")) {
						// Every user and product new: the sketches at their largest.
						latencies.add(new LatencyRun(bench).run(ThroughputRuns.LISTENER + ", seed traffic", "latency-seed",
								settings.listenerArgs(), settings.contenderJvmOptions(), "seed", 0));
					}
					if (settings.tuned() && settings.runs("tuned")) {
						latencies.add(new LatencyRun(bench).run(ThroughputRuns.TUNED, "latency-tuned",
								settings.tunedListenerArgs(), settings.tunedListenerJvmOptions().isEmpty()
										? settings.contenderJvmOptions() : settings.tunedListenerJvmOptions(), "shop", 0));
					}
				}
				if (settings.profile() && settings.runs("profile")) {
					profile = new ListenerProfile(bench).run(settings.events());
				}
			}
		}
		String run = Report.run(settings, startedAt, loadAtStart, Machine.loadAverages(), measurements, latencies,
				profile);
		write(dir.resolve("benchmarks.md"), run);
		Report.write(settings.report(), run);
		log.info("ratios (medians of {} repetitions):{}{}", settings.repetitions(), System.lineSeparator(),
				Report.ratios(measurements));
		log.info("written to {} and {}", settings.report().toAbsolutePath(), dir.resolve("benchmarks.md"));
	}

	private static Path copy(Path jar, Path dir) {
		try {
			Files.createDirectories(dir);
			return Files.copy(jar, dir.resolve(jar.getFileName()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot copy " + jar, ex);
		}
	}

	private static void write(Path file, String text) {
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, text, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + file, ex);
		}
	}

}
