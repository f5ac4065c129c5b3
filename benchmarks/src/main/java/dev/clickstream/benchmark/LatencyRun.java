package dev.clickstream.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.clickstream.benchmark.TotalsWatch.Arrival;
import dev.clickstream.benchmark.TotalsWatch.Format;
import dev.clickstream.systemtest.harness.FreePorts;
import dev.clickstream.systemtest.harness.ManagedProcess;

/**
 * The pipeline at a fixed rate: the producer jar sends, the listener jar counts and snapshots. An event sent at time t
 * (its record timestamp, which the producer client sets in send()) with sequence number i (its rank among all events
 * by send time) is included when a snapshot whose total is at least i commits; its latency is the time the
 * read_committed observer received that snapshot, minus t. With three partitions a snapshot total of i may still lack
 * an event of rank below i on a partition that lags, so this slightly flatters; the partitions move in step at this
 * rate. Resident memory of both services is sampled throughout.
 */
final class LatencyRun {

	private static final Logger log = LoggerFactory.getLogger(LatencyRun.class);

	/**
	 * @param listener which listener: as shipped or tuned, and its traffic
	 * @param dashboards how many dashboards were open on it
	 * @param sent events sent and counted
	 * @param measured events after the warm-up, whose latencies make the percentiles
	 * @param p50Millis median latency
	 * @param p99Millis 99th percentile
	 * @param maxMillis largest latency
	 * @param listenerRssKb median and max VmRSS of the listener after the warm-up
	 * @param producerRssKb median and max VmRSS of the producer after the warm-up
	 * @param achievedRate events per second the producer actually sent, after the warm-up
	 * @param countedRate events per second the listener's snapshots counted, from the first snapshot after the warm-up
	 * to the one that counted every event
	 * @param load the 1-minute load average before and after
	 * @param listenerCpuPercent the listener's CPU use while the producer sent, in % of one core
	 * @param producerCpuPercent the producer's, likewise
	 * @param brokerCpuPercent the broker's, likewise
	 */
	record Result(String listener, int dashboards, long sent, long measured, long p50Millis, long p99Millis, long maxMillis, long[] listenerRssKb,
			long[] producerRssKb, double achievedRate, double countedRate, String load, double listenerCpuPercent,
			double producerCpuPercent, double brokerCpuPercent) {

		/** The run's name in the report: the listener, and the dashboards open on it if any. */
		String label() {
			return (this.dashboards > 0) ? this.listener + ", " + this.dashboards + " dashboards open" : this.listener;
		}

	}

	private final Bench bench;

	LatencyRun(Bench bench) {
		this.bench = bench;
	}

	/**
	 * @param label names the listener and its traffic in the report; the dashboards, if any, are added to it
	 * @param id prefixes the run's topics and files
	 * @param generatorModel the generator's traffic model: {@code shop}, or {@code seed} for every user and product new
	 * @param dashboards how many dashboards are open on the listener from its start to the end of the run
	 */
	Result run(String label, String id, List<String> listenerArgs, List<String> listenerJvmOptions,
			String generatorModel, int dashboards) {
		Settings settings = this.bench.settings();
		long events = (long) settings.latencyRate() * settings.latencyDuration().toSeconds();
		String input = id + "-events";
		String snapshots = id + "-snapshots";
		this.bench.createTopic(input, Bench.PARTITIONS);
		this.bench.createTopic(snapshots, 1);
		String loadBefore = Machine.loadAverages();
		try (TotalsWatch watch = TotalsWatch.start(this.bench.bootstrapServers(), snapshots, Format.SNAPSHOT);
				SendTimes sendTimes = SendTimes.start(this.bench.bootstrapServers(), input, events)) {
			int port = FreePorts.next();
			int producerPort = FreePorts.next();
			List<String> args = new ArrayList<>(List.of("--server.port=" + port,
							// The dashboard's generator card and produced count ask the producer of this run.
							"--clickstream.dashboard.producer-url=http://127.0.0.1:" + producerPort,
							"--spring.kafka.bootstrap-servers=" + this.bench.bootstrapServers(),
							"--clickstream.instance-id=" + id, "--clickstream.topics.events.name=" + input,
							"--clickstream.topics.unique-events.name=" + snapshots,
							"--clickstream.topics.changelog.name=" + id + "-changelog",
							"--clickstream.snapshots.group-id=" + id + "-snapshots", "--spring.kafka.consumer.group-id=" + id,
							"--clickstream.snapshots.interval=" + settings.latencySnapshotInterval().toMillis() + "ms"));
			args.addAll(Bench.ownSideTopics(id));
			args.addAll(listenerArgs);
			ManagedProcess listener = this.bench.jarProcess(id + "-listener", this.bench.listenerJar(),
					listenerJvmOptions, args);
			ManagedProcess producer = this.bench.jarProcess(id + "-producer", this.bench.producerJar(),
					settings.contenderJvmOptions(),
					List.of("--server.port=" + producerPort,
							"--spring.kafka.bootstrap-servers=" + this.bench.bootstrapServers(),
							"--clickstream.topics.events.name=" + input,
							"--clickstream.generator.rate=" + settings.latencyRate(),
							"--clickstream.generator.model=" + generatorModel,
							"--clickstream.generator.limit=" + events));
			this.bench.rss().watch(listener);
			this.bench.rss().watch(producer);
			DashboardClients clients = (dashboards > 0)
					? DashboardClients.open("http://127.0.0.1:" + port, input, dashboards) : null;
			try {
				listener.start();
				GroupWatch.awaitAssigned(this.bench.admin(), id, input, Bench.PARTITIONS, listener, Bench.minutes(3));
				producer.start();
				// CPU is read from the end of the warm-up: the producer's JVM and Spring startup would swamp it
				while (watch.arrivals().stream().noneMatch(arrival -> arrival.total() > 0)) {
					listener.requireAlive();
					producer.requireAlive();
					GroupWatch.sleep(Duration.ofMillis(100));
				}
				GroupWatch.sleep(settings.latencyWarmup());
				long sendingFrom = System.nanoTime();
				CpuTime.Usage listenerCpu = CpuTime.Usage.from(listener.pid());
				CpuTime.Usage producerCpu = CpuTime.Usage.from(producer.pid());
				CpuTime.Usage brokerCpu = this.bench.brokerCpu();
				watch.awaitTotal(events, listener, settings.latencyDuration().plus(Bench.minutes(5)));
				double sendingMillis = (System.nanoTime() - sendingFrom) / 1e6;
				double listenerCpuPercent = percent(listenerCpu, sendingMillis);
				double producerCpuPercent = percent(producerCpu, sendingMillis);
				double brokerCpuPercent = percent(brokerCpu, sendingMillis);
				long[] sent = sendTimes.await(Duration.ofMinutes(1));
				List<Arrival> arrivals = watch.arrivals();
				long[] latencies = latencies(sent, arrivals);
				writeCsv(id, sent, latencies, arrivals);
				long warmupEnd = sent[0] + settings.latencyWarmup().toMillis();
				int from = 0;
				while (from < sent.length && sent[from] < warmupEnd) {
					from++;
				}
				long[] measured = Stats.sorted(Arrays.copyOfRange(latencies, from, latencies.length));
				double achievedRate = (sent.length - from) * 1000.0 / Math.max(1, sent[sent.length - 1] - sent[from]);
				Arrival last = arrivals.get(arrivals.size() - 1);
				Arrival first = arrivals.stream().filter(arrival -> arrival.atMillis() >= warmupEnd).findFirst().orElse(last);
				double countedRate = (last.total() - first.total()) * 1000.0
						/ Math.max(1, last.atMillis() - first.atMillis());
				Result result = new Result(label, dashboards, sent.length, measured.length, Stats.percentile(measured, 50),
						Stats.percentile(measured, 99), measured[measured.length - 1],
						steadyRss(this.bench.rss().unwatch(listener), warmupEnd),
						steadyRss(this.bench.rss().unwatch(producer), warmupEnd), achievedRate, countedRate,
						loadBefore + " before, " + Machine.loadAverages() + " after", listenerCpuPercent,
						producerCpuPercent, brokerCpuPercent);
				log.info("latency of {} at {}/s: p50 {} ms, p99 {} ms, max {} ms over {} events; RSS listener {} MB, "
						+ "producer {} MB", result.label(), settings.latencyRate(), result.p50Millis(), result.p99Millis(),
						result.maxMillis(), result.measured(), result.listenerRssKb()[0] / 1024,
						result.producerRssKb()[0] / 1024);
				return result;
			}
			finally {
				if (clients != null) {
					clients.close();
				}
				producer.stop(Duration.ofSeconds(30));
				listener.stop(Duration.ofSeconds(30));
				this.bench.rss().unwatch(listener);
				this.bench.rss().unwatch(producer);
			}
		}
	}

	/** For each event in send order, the time from its send to the arrival of the first snapshot that includes it. */
	static long[] latencies(long[] sentSorted, List<Arrival> arrivals) {
		long[] latencies = new long[sentSorted.length];
		int next = 0;
		for (Arrival arrival : arrivals) {
			while (next < sentSorted.length && next < arrival.total()) {
				latencies[next] = arrival.atMillis() - sentSorted[next];
				next++;
			}
		}
		if (next < sentSorted.length) {
			throw new IllegalStateException("only " + next + " of " + sentSorted.length + " events reached a snapshot");
		}
		return latencies;
	}

	/** Every event's send time and latency, and every snapshot's arrival, for a closer look. */
	private void writeCsv(String id, long[] sent, long[] latencies, List<Arrival> arrivals) {
		StringBuilder events = new StringBuilder("sent_ms,latency_ms\n");
		for (int i = 0; i < sent.length; i++) {
			events.append(sent[i]).append(',').append(latencies[i]).append('\n');
		}
		StringBuilder snapshots = new StringBuilder("arrived_ms,total\n");
		arrivals.forEach(arrival -> snapshots.append(arrival.atMillis()).append(',').append(arrival.total()).append('\n'));
		try {
			Files.writeString(this.bench.dir().resolve(id + "-events.csv"), events);
			Files.writeString(this.bench.dir().resolve(id + "-snapshots.csv"), snapshots);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the latency CSV files", ex);
		}
	}

	private static double percent(CpuTime.Usage usage, double wallMillis) {
		long cpu = usage.millis();
		return (cpu < 0) ? Double.NaN : cpu * 100.0 / wallMillis;
	}

	/** Median and max of the samples after the warm-up, in KB. */
	private static long[] steadyRss(List<RssSampler.Sample> samples, long fromMillis) {
		long[] steady = Stats.sorted(samples.stream()
			.filter(sample -> sample.atMillis() >= fromMillis)
			.mapToLong(RssSampler.Sample::rssKb)
			.toArray());
		if (steady.length == 0) {
			return new long[] { 0, 0 };
		}
		return new long[] { Stats.percentile(steady, 50), steady[steady.length - 1] };
	}

	/** Collects the record timestamp of every event on the input topic: the time the producer client sent it. */
	private static final class SendTimes implements AutoCloseable {

		private final KafkaConsumer<byte[], byte[]> consumer;

		private final long expected;

		private final long[] timestamps;

		private final Thread thread;

		private volatile int count;

		private volatile boolean running = true;

		private SendTimes(String bootstrapServers, String topic, long expected) {
			this.expected = expected;
			this.timestamps = new long[Math.toIntExact(expected)];
			this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
					ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
					ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
					ConsumerConfig.CLIENT_ID_CONFIG, "benchmark-send-times"), new ByteArrayDeserializer(),
					new ByteArrayDeserializer());
			Set<TopicPartition> partitions = TotalsWatch.partitions(this.consumer, topic);
			this.consumer.assign(partitions);
			this.consumer.seekToBeginning(partitions);
			this.thread = new Thread(this::run, "send-times");
			this.thread.setDaemon(true);
		}

		static SendTimes start(String bootstrapServers, String topic, long expected) {
			SendTimes sendTimes = new SendTimes(bootstrapServers, topic, expected);
			sendTimes.thread.start();
			return sendTimes;
		}

		private void run() {
			try {
				while (this.running && this.count < this.expected) {
					int seen = this.count;
					for (ConsumerRecord<byte[], byte[]> record : this.consumer.poll(Duration.ofMillis(200))) {
						if (seen < this.timestamps.length) {
							this.timestamps[seen] = record.timestamp();
						}
						seen++;
					}
					this.count = seen;
				}
			}
			catch (WakeupException ex) {
				// closing
			}
			finally {
				this.consumer.close();
			}
		}

		/** The send times of all expected events, sorted. */
		long[] await(Duration timeout) {
			try {
				this.thread.join(timeout.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted", ex);
			}
			if (this.count != this.expected) {
				throw new IllegalStateException("the input topic holds " + this.count + " events, expected "
						+ this.expected);
			}
			return Stats.sorted(this.timestamps);
		}

		@Override
		public void close() {
			this.running = false;
			if (this.thread.isAlive()) {
				this.consumer.wakeup();
			}
		}

	}

}
