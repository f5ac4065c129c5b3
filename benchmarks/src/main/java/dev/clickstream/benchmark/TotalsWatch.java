package dev.clickstream.benchmark;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import dev.clickstream.systemtest.harness.ManagedProcess;
import dev.clickstream.systemtest.harness.Snapshots;

/**
 * Follows a contender's output topic as a read_committed observer and notes when each new total arrived: the finish
 * line of a throughput run, and the inclusion times of a latency run.
 */
final class TotalsWatch implements AutoCloseable {

	/** How a contender writes its totals. */
	enum Format {

		/** The listener's snapshots: one JSON object of all counts per record. */
		SNAPSHOT,
		/** Kafka Streams' count(): the event name as key, its count as a big-endian long. */
		COUNT_PER_KEY

	}

	/** A new total, and when the observer received it (epoch ms). */
	record Arrival(long atMillis, long total) {
	}

	private final KafkaConsumer<String, byte[]> consumer;

	private final Format format;

	private final Thread thread;

	private final Map<String, Long> latestPerKey = new HashMap<>();

	private final List<Arrival> arrivals = new ArrayList<>();

	private volatile boolean running = true;

	private volatile long total;

	private TotalsWatch(String bootstrapServers, String topic, Format format) {
		this.format = format;
		this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				// the totals count once their transaction committed
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
				ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
				ConsumerConfig.CLIENT_ID_CONFIG, "benchmark-totals-watch"), new StringDeserializer(),
				new ByteArrayDeserializer());
		Set<TopicPartition> partitions = partitions(this.consumer, topic);
		this.consumer.assign(partitions);
		this.consumer.seekToBeginning(partitions);
		this.thread = new Thread(this::run, "totals-watch-" + topic);
		this.thread.setDaemon(true);
	}

	/** The partitions of a topic just created, once the broker's metadata shows them. */
	static Set<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			Set<TopicPartition> partitions = consumer.partitionsFor(topic)
				.stream()
				.map(info -> new TopicPartition(topic, info.partition()))
				.collect(Collectors.toSet());
			if (!partitions.isEmpty()) {
				return partitions;
			}
			GroupWatch.sleep(Duration.ofMillis(100));
		}
		throw new IllegalStateException("topic " + topic + " does not exist; create it before watching it");
	}

	static TotalsWatch start(String bootstrapServers, String topic, Format format) {
		TotalsWatch watch = new TotalsWatch(bootstrapServers, topic, format);
		watch.thread.start();
		return watch;
	}

	private void run() {
		try {
			while (this.running) {
				for (ConsumerRecord<String, byte[]> record : this.consumer.poll(Duration.ofMillis(100))) {
					long now = System.currentTimeMillis();
					long newTotal = totalAfter(record);
					synchronized (this) {
						if (newTotal != this.total) {
							this.total = newTotal;
							this.arrivals.add(new Arrival(now, newTotal));
						}
					}
				}
			}
		}
		catch (WakeupException ex) {
			// closing
		}
		finally {
			this.consumer.close();
		}
	}

	private long totalAfter(ConsumerRecord<String, byte[]> record) {
		if (this.format == Format.SNAPSHOT) {
			return Snapshots.counts(new String(record.value(), StandardCharsets.UTF_8))
				.values()
				.stream()
				.mapToLong(Long::longValue)
				.sum();
		}
		this.latestPerKey.put(record.key(), ByteBuffer.wrap(record.value()).getLong());
		return this.latestPerKey.values().stream().mapToLong(Long::longValue).sum();
	}

	long total() {
		return this.total;
	}

	/**
	 * @return when the observer first received a total of exactly {@code expected} (epoch ms)
	 * @throws IllegalStateException if the total passes {@code expected}, the contender dies, or time runs out
	 */
	long awaitTotal(long expected, ManagedProcess contender, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			synchronized (this) {
				for (Arrival arrival : this.arrivals) {
					if (arrival.total() > expected) {
						throw new IllegalStateException(contender.name() + " counted " + arrival.total()
								+ " events of " + expected + ": an overcount");
					}
					if (arrival.total() == expected) {
						return arrival.atMillis();
					}
				}
			}
			contender.requireAlive();
			GroupWatch.sleep(Duration.ofMillis(20));
		}
		throw new IllegalStateException(contender.name() + " reached a total of " + this.total + " of " + expected
				+ " within " + timeout);
	}

	synchronized List<Arrival> arrivals() {
		return List.copyOf(this.arrivals);
	}

	@Override
	public void close() {
		this.running = false;
		this.consumer.wakeup();
		try {
			this.thread.join(10_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
