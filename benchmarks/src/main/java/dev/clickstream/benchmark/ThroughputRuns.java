package dev.clickstream.benchmark;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.clickstream.benchmark.TotalsWatch.Format;
import dev.clickstream.benchmark.contenders.RawCount;
import dev.clickstream.benchmark.contenders.StreamsCount;
import dev.clickstream.model.MetricNames;
import dev.clickstream.systemtest.harness.FreePorts;
import dev.clickstream.systemtest.harness.ManagedProcess;
import dev.clickstream.systemtest.harness.ServiceHttp;

/**
 * One round: a fresh input topic of N events, counted by each consumer-side contender in turn (fresh output topics and
 * groups each), then the generator and ProducerPerformance each writing N events to a fresh topic.
 */
final class ThroughputRuns {

	static final String LISTENER = "listener (as shipped, EOS)";

	static final String TUNED = "listener (tuned)";

	static final String STREAMS = "Kafka Streams EOS";

	static final String STREAMS_WINDOWED = "Kafka Streams EOS, windowed";

	static final String LISTENER_WITHOUT_WINDOWS = "listener (windows off)";

	static final String LISTENER_WITH_DASHBOARDS = "listener (dashboards open)";

	static final String RAW = "raw consumer";

	static final String LISTENER_JACKSON = "listener (Jackson parser)";

	static final String GENERATOR = "generator";

	static final String GENERATOR_JACKSON = "generator (Jackson writer)";

	static final String GENERATOR_SEED_MODEL = "generator (seed model)";

	static final String PERF = "ProducerPerformance";

	private static final Logger log = LoggerFactory.getLogger(ThroughputRuns.class);

	private static final Duration STOP_GRACE = Duration.ofSeconds(30);

	private static final Pattern PERF_SUMMARY = Pattern
		.compile("(\\d+) records sent, ([0-9.]+) records/sec .*99th");

	private final Bench bench;

	ThroughputRuns(Bench bench) {
		this.bench = bench;
	}

	/** Runs every contender not skipped once on {@code events} events. */
	List<Measurement> round(String round, long events) {
		Settings settings = this.bench.settings();
		List<Measurement> results = new ArrayList<>();
		String input = round + "-events";
		this.bench.createTopic(input, Bench.PARTITIONS);
		long prefillStart = System.nanoTime();
		Prefill.write(this.bench.bootstrapServers(), input, events);
		log.info("[{}] prefilled {} with {} events in {} ms", round, input, events,
				(System.nanoTime() - prefillStart) / 1_000_000);
		if (settings.runs("listener")) {
			results.add(report(listener(round, "listener", LISTENER, input, events, settings.listenerArgs(),
					settings.contenderJvmOptions(), settings.snapshotInterval(), 0)));
		}
		if (settings.runs("listener-dashboards")) {
			results.add(report(listener(round, "listener-dashboards", LISTENER_WITH_DASHBOARDS, input, events,
					settings.listenerArgs(), settings.contenderJvmOptions(), settings.snapshotInterval(),
					settings.dashboards())));
		}
		if (settings.runs("listener-jackson")) {
			List<String> args = new ArrayList<>(settings.listenerArgs());
			args.add("--clickstream.counting.compact-reader=false");
			results.add(report(listener(round, "listener-jackson", LISTENER_JACKSON, input, events, args,
					settings.contenderJvmOptions(), settings.snapshotInterval(), 0)));
		}
		if (settings.runs("listener-no-windows")) {
			List<String> args = new ArrayList<>(settings.listenerArgs());
			args.add("--clickstream.windows.enabled=false");
			results.add(report(listener(round, "listener-no-windows", LISTENER_WITHOUT_WINDOWS, input, events, args,
					settings.contenderJvmOptions(), settings.snapshotInterval(), 0)));
		}
		if (settings.runs("tuned") && settings.tuned()) {
			results.add(report(listener(round, "tuned", TUNED, input, events, settings.tunedListenerArgs(),
					settings.tunedListenerJvmOptions().isEmpty() ? settings.contenderJvmOptions()
							: settings.tunedListenerJvmOptions(),
					settings.snapshotInterval(), 0)));
		}
		if (settings.runs("streams")) {
			results.add(report(streams(round, "streams", STREAMS, input, events, "total")));
		}
		if (settings.runs("streams-windowed")) {
			// One-minute windows as the listener's; an hour of grace, not its 30 s: Streams windows after the
			// repartition by name, where the three input partitions' events interleave as fast as each is read,
			// out of order by far more than 30 s, and it drops those as late (the listener's watermark is per input
			// partition, in which these dates are in order).
			results.add(report(streams(round, "streams-windowed", STREAMS_WINDOWED, input, events, "60,3600")));
		}
		if (settings.runs("raw")) {
			results.add(report(raw(round, input, events)));
		}
		if (settings.runs("generator")) {
			results.add(report(generator(round, "generator", GENERATOR, events, settings.generatorArgs())));
		}
		if (settings.runs("generator-jackson")) {
			List<String> args = new ArrayList<>(settings.generatorArgs());
			args.add("--spring.kafka.producer.properties.clickstream.json-writer=jackson");
			results.add(report(generator(round, "generator-jackson", GENERATOR_JACKSON, events, args)));
		}
		if (settings.runs("generator-seed")) {
			List<String> args = new ArrayList<>(settings.generatorArgs());
			args.add("--clickstream.generator.model=seed");
			results.add(report(generator(round, "generator-seed", GENERATOR_SEED_MODEL, events, args)));
		}
		if (settings.runs("perf")) {
			results.add(report(producerPerformance(round, events)));
		}
		this.bench.deleteTopicsStartingWith(round + "-");
		return results;
	}

	private static Measurement report(Measurement measurement) {
		log.info("[{}] {}: {} events/s over {} ms (startup {} ms, peak RSS {} MB, load {}) {}", measurement.round(),
				measurement.contender(), Math.round(measurement.eventsPerSecond()), measurement.millis(),
				measurement.startupMillis(), measurement.peakRssKb() / 1024, measurement.load(), measurement.detail());
		return measurement;
	}

	/**
	 * The listener jar counting the input topic: from the moment its group owns every partition to the moment a
	 * read_committed observer receives a snapshot whose total is N; with {@code dashboards} dashboards open on it
	 * from its start to its end.
	 */
	Measurement listener(String round, String tag, String contender, String input, long events, List<String> extraArgs,
			List<String> jvmOptions, Duration snapshotInterval, int dashboards) {
		String id = round + "-" + tag;
		String snapshots = id + "-snapshots";
		String changelog = id + "-changelog";
		this.bench.createTopic(snapshots, 1);
		int port = FreePorts.next();
		List<String> args = new ArrayList<>(List.of("--server.port=" + port,
				"--spring.kafka.bootstrap-servers=" + this.bench.bootstrapServers(),
				"--clickstream.instance-id=" + id, "--clickstream.topics.events.name=" + input,
				"--clickstream.topics.unique-events.name=" + snapshots,
				"--clickstream.topics.changelog.name=" + changelog, "--spring.kafka.consumer.group-id=" + id,
				"--clickstream.snapshots.group-id=" + id + "-snapshots",
				"--clickstream.snapshots.interval=" + snapshotInterval.toMillis() + "ms"));
		args.addAll(Bench.ownSideTopics(id));
		args.addAll(extraArgs);
		try (TotalsWatch watch = TotalsWatch.start(this.bench.bootstrapServers(), snapshots, Format.SNAPSHOT)) {
			double load = Machine.load1();
			ManagedProcess process = this.bench.jarProcess(id, this.bench.listenerJar(), jvmOptions, args);
			this.bench.rss().watch(process);
			DashboardClients clients = (dashboards > 0)
					? DashboardClients.open("http://127.0.0.1:" + port, input, dashboards) : null;
			try {
				Counted counted = count(process, id, input, watch, events);
				long transactions = this.bench.endOffsets(changelog) / 2;
				String detail = String.format("%d transactions, %.0f events each", transactions,
						events / (double) Math.max(1, transactions));
				if (clients != null) {
					detail += String.format("; %d dashboards: %s", dashboards, clients.summary());
				}
				return counted.measurement(contender, round, events, process, this.bench.rss().peakKb(process), load,
						detail);
			}
			finally {
				if (clients != null) {
					clients.close();
				}
				process.stop(STOP_GRACE);
				this.bench.rss().unwatch(process);
			}
		}
	}

	/**
	 * Starts a contender that counts the input in the consumer group {@code group} and waits until the watch sees
	 * totals of N: the measured interval runs from the group owning every input partition to then.
	 */
	private Counted count(ManagedProcess process, String group, String input, TotalsWatch watch, long events) {
		process.start();
		long assigned = GroupWatch.awaitAssigned(this.bench.admin(), group, input, Bench.PARTITIONS, process,
				Bench.minutes(3));
		CpuTime.Usage cpu = CpuTime.Usage.from(process.pid());
		CpuTime.Usage brokerCpu = this.bench.brokerCpu();
		long done = watch.awaitTotal(events, process, Bench.minutes(10));
		return new Counted(assigned, done, cpu.millis(), brokerCpu.millis());
	}

	/** When a counting contender owned its input and when it had counted it all, with the CPU time between. */
	private record Counted(long assigned, long done, long cpuMillis, long brokerCpuMillis) {

		Measurement measurement(String contender, String round, long events, ManagedProcess process, long peakRssKb,
				double load, String detail) {
			return new Measurement(contender, round, perSecond(events, this.done - this.assigned), this.assigned,
					this.done - this.assigned, this.assigned - process.startedAtMillis(), peakRssKb, load, detail,
					this.cpuMillis, this.brokerCpuMillis);
		}

	}

	/**
	 * Kafka Streams in its own JVM: from its group owning every input partition to the output totalling N (summed
	 * over the windows when windowed: the input is in order, so no event is late).
	 */
	private Measurement streams(String round, String tag, String contender, String input, long events,
			String counting) {
		String id = round + "-" + tag;
		String output = id + "-counts";
		this.bench.createTopic(output, 1);
		try (TotalsWatch watch = TotalsWatch.start(this.bench.bootstrapServers(), output, Format.COUNT_PER_KEY)) {
			double load = Machine.load1();
			ManagedProcess process = this.bench.mainClassProcess(id, StreamsCount.class.getName(),
					this.bench.settings().contenderJvmOptions(),
					List.of(this.bench.bootstrapServers(), input, output, id, this.bench.dir().resolve(id).toString(),
							Integer.toString(this.bench.settings().streamsThreads()), counting));
			this.bench.rss().watch(process);
			try {
				Counted counted = count(process, id, input, watch, events);
				return counted.measurement(contender, round, events, process, this.bench.rss().peakKb(process), load,
						this.bench.settings().streamsThreads() + " stream thread(s)");
			}
			finally {
				process.stop(STOP_GRACE);
				this.bench.rss().unwatch(process);
			}
		}
	}

	/** The raw consumer in its own JVM: from its group owning every input partition to its own count reaching N. */
	private Measurement raw(String round, String input, long events) {
		String id = round + "-raw";
		double load = Machine.load1();
		ManagedProcess process = this.bench.mainClassProcess(id, RawCount.class.getName(),
				this.bench.settings().contenderJvmOptions(), List.of(this.bench.bootstrapServers(), input, id,
						Long.toString(events), Integer.toString(this.bench.settings().rawMaxPollRecords())));
		this.bench.rss().watch(process);
		try {
			process.start();
			long assigned = GroupWatch.awaitAssigned(this.bench.admin(), id, input, Bench.PARTITIONS, process,
					Bench.minutes(3));
			CpuTime.Usage brokerCpu = this.bench.brokerCpu();
			if (!process.waitForExit(Bench.minutes(10)) || process.exitValue() != 0) {
				throw new IllegalStateException(id + " did not finish; log: " + process.logTail(30));
			}
			// the broker's reading runs to the exit, a little past the end; the raw consumer reads its own CPU time
			long brokerCpuMillis = brokerCpu.millis();
			String[] assignedLine = process.firstOutputLine("ASSIGNED ")
				.orElseThrow(() -> new IllegalStateException(id + " printed no ASSIGNED line"))
				.split(" ");
			String[] doneLine = process.firstOutputLine("DONE ")
				.orElseThrow(() -> new IllegalStateException(id + " printed no DONE line"))
				.split(" ");
			long done = Long.parseLong(doneLine[1]);
			return new Measurement(RAW, round, perSecond(events, done - assigned), assigned,
					done - assigned,
					assigned - process.startedAtMillis(), this.bench.rss().peakKb(process), load,
					"max.poll.records " + this.bench.settings().rawMaxPollRecords(),
					Long.parseLong(doneLine[2]) - Long.parseLong(assignedLine[2]), brokerCpuMillis);
		}
		finally {
			process.stop(STOP_GRACE);
			this.bench.rss().unwatch(process);
		}
	}

	/**
	 * The producer jar at a rate above what it can do, with a limit of N: acknowledged events per second from its
	 * {@link MetricNames#EVENTS_PRODUCED} counter, between the first poll that shows any and the one that shows N.
	 */
	private Measurement generator(String round, String tag, String contender, long events, List<String> extraArgs) {
		String id = round + "-" + tag;
		String topic = id + "-events";
		this.bench.createTopic(topic, Bench.PARTITIONS);
		int port = FreePorts.next();
		List<String> args = new ArrayList<>(List.of("--server.port=" + port,
				"--spring.kafka.bootstrap-servers=" + this.bench.bootstrapServers(),
				"--clickstream.topics.events.name=" + topic,
				"--clickstream.generator.rate=" + this.bench.settings().generatorRate(),
				"--clickstream.generator.limit=" + events));
		args.addAll(extraArgs);
		double load = Machine.load1();
		ManagedProcess process = this.bench.jarProcess(id, this.bench.producerJar(),
				this.bench.settings().contenderJvmOptions(), args);
		ServiceHttp http = new ServiceHttp(port);
		this.bench.rss().watch(process);
		try {
			process.start();
			long firstAt = 0;
			long firstCount = 0;
			CpuTime.Usage cpu = CpuTime.Usage.NOT_TAKEN;
			CpuTime.Usage brokerCpu = CpuTime.Usage.NOT_TAKEN;
			long deadline = System.nanoTime() + Bench.minutes(10).toNanos();
			while (System.nanoTime() < deadline) {
				process.requireAlive();
				long count = produced(http);
				long now = System.currentTimeMillis();
				if (count > 0 && firstAt == 0) {
					firstAt = now;
					firstCount = count;
					cpu = CpuTime.Usage.from(process.pid());
					brokerCpu = this.bench.brokerCpu();
				}
				if (count >= events) {
					return new Measurement(contender, round, perSecond(count - firstCount, now - firstAt),
							firstAt, now - firstAt, firstAt - process.startedAtMillis(),
							this.bench.rss().peakKb(process), load,
							String.format("first poll with acknowledgements showed %d", firstCount),
							cpu.millis(), brokerCpu.millis());
				}
				GroupWatch.sleep(Duration.ofMillis(50));
			}
			throw new IllegalStateException(id + " did not produce " + events + " events in time");
		}
		finally {
			process.stop(STOP_GRACE);
			this.bench.rss().unwatch(process);
		}
	}

	/** The generator's acknowledged events; 0 while its HTTP server is not up yet or a poll got no answer in time. */
	private static long produced(ServiceHttp generator) {
		try {
			return (long) generator.count(MetricNames.EVENTS_PRODUCED);
		}
		catch (UncheckedIOException noAnswer) {
			return 0;
		}
	}

	/** Kafka's ProducerPerformance in its own JVM, 115-byte records, acks=all, linger 5 ms, 64 KB batches. */
	private Measurement producerPerformance(String round, long events) {
		String id = round + "-perf";
		String topic = id + "-events";
		this.bench.createTopic(topic, Bench.PARTITIONS);
		double load = Machine.load1();
		ManagedProcess process = this.bench.mainClassProcess(id, "org.apache.kafka.tools.ProducerPerformance",
				this.bench.settings().contenderJvmOptions(),
				List.of("--topic", topic, "--num-records", Long.toString(events), "--record-size", "115",
						"--throughput", "-1", "--producer-props", "bootstrap.servers=" + this.bench.bootstrapServers(),
						"acks=all", "linger.ms=5", "batch.size=65536"));
		this.bench.rss().watch(process);
		try {
			process.start();
			if (!process.waitForExit(Bench.minutes(10)) || process.exitValue() != 0) {
				throw new IllegalStateException(id + " did not finish; log: " + process.logTail(30));
			}
			for (String line : process.outputLines()) {
				Matcher summary = PERF_SUMMARY.matcher(line);
				if (summary.find()) {
					double rate = Double.parseDouble(summary.group(2));
					return new Measurement(PERF, round, rate, process.startedAtMillis(), Math.round(events * 1000 / rate), 0,
							this.bench.rss().peakKb(process), load, line.trim(), -1, -1);
				}
			}
			throw new IllegalStateException(id + " printed no summary; log: " + process.logTail(30));
		}
		finally {
			process.stop(STOP_GRACE);
			this.bench.rss().unwatch(process);
		}
	}

	static double perSecond(long events, long millis) {
		return events * 1000.0 / Math.max(1, millis);
	}

}
