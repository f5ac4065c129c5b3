package dev.clickstream.dashboard.late;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.clickstream.kafka.KafkaRetries;
import dev.clickstream.kafka.ReadCommittedConsumers;
import dev.clickstream.kafka.SideTopicHeaders;

import org.springframework.context.SmartLifecycle;
import org.springframework.util.backoff.BackOffExecution;

/**
 * Follows every partition of the late-events topic on a thread of its own, read_committed, from the first record
 * written at {@link LateCounts#from()} or later, and counts each record in {@link LateCounts}. While the broker is
 * away it retries with {@link KafkaRetries}' backoff, with a consumer made anew that goes on where the last one
 * stopped; the outage is logged when it begins and when it ends, not at every try.
 */
final class LateEventsFollower implements SmartLifecycle {

	static final String CLIENT_ID = "dashboard-late-events";

	private static final Logger logger = LoggerFactory.getLogger(LateEventsFollower.class);

	private static final Duration POLL = Duration.ofSeconds(1);

	private final ReadCommittedConsumers consumers;

	private final String topic;

	private final LateCounts counts;

	private final Duration timeout;

	// Only the follower's thread touches these. The next offset of each partition, once it has one: a consumer made
	// anew after a failure goes on from there, and counts no record twice.
	private final Map<TopicPartition, Long> next = new HashMap<>();

	private int failures;

	private boolean skippedLogged;

	private volatile boolean running;

	private volatile @Nullable Consumer<String, byte[]> consumer;

	private volatile @Nullable Thread follower;

	// Ends a backoff's wait at once on stop. Not an interrupt: that would also break off the consumer's close.
	private volatile CountDownLatch stopped = new CountDownLatch(0);

	/**
	 * @param timeout how long finding the topic's partitions and where to start in each may take before the try
	 * counts as failed
	 */
	LateEventsFollower(ReadCommittedConsumers consumers, String topic, LateCounts counts, Duration timeout) {
		this.consumers = consumers;
		this.topic = topic;
		this.counts = counts;
		this.timeout = timeout;
	}

	@Override
	public void start() {
		this.stopped = new CountDownLatch(1);
		this.running = true;
		Thread thread = new Thread(this::follow, "late-events");
		thread.setDaemon(true);
		this.follower = thread;
		thread.start();
	}

	private void follow() {
		BackOffExecution retries = KafkaRetries.backOff().start();
		while (this.running) {
			try (Consumer<String, byte[]> current = this.consumers.create(CLIENT_ID, new ByteArrayDeserializer())) {
				this.consumer = current;
				// A stop that came before the consumer was there to be woken up.
				if (!this.running) {
					return;
				}
				position(current);
				if (this.failures > 0) {
					logger.info("Following {} works again, after {} failed tries", this.topic, this.failures);
					this.failures = 0;
				}
				this.counts.recovered();
				retries = KafkaRetries.backOff().start();
				while (this.running) {
					for (ConsumerRecord<String, byte[]> record : current.poll(POLL)) {
						count(record);
					}
				}
			}
			catch (WakeupException | InterruptException ex) {
				return;
			}
			catch (RuntimeException ex) {
				if (!this.running) {
					return;
				}
				failed(ex);
				if (!pause(retries)) {
					return;
				}
			}
		}
	}

	/**
	 * Assigns every partition and seeks each to where it goes on from, or to its first record written at
	 * {@code from} or later. The end offsets are asked for first: a partition with no such record starts at the end
	 * it had before the search, so that a record written meanwhile is counted.
	 */
	private void position(Consumer<String, byte[]> current) {
		List<TopicPartition> partitions = current.partitionsFor(this.topic, this.timeout)
			.stream()
			.map(info -> new TopicPartition(this.topic, info.partition()))
			.toList();
		if (partitions.isEmpty()) {
			throw new UnknownTopicOrPartitionException(this.topic + " does not exist (yet)");
		}
		current.assign(partitions);
		Map<TopicPartition, Long> ends = current.endOffsets(partitions, this.timeout);
		Map<TopicPartition, Long> search = new HashMap<>();
		partitions.stream()
			.filter(partition -> !this.next.containsKey(partition))
			.forEach(partition -> search.put(partition, this.counts.from().toEpochMilli()));
		Map<TopicPartition, OffsetAndTimestamp> found = search.isEmpty() ? Map.of()
				: current.offsetsForTimes(search, this.timeout);
		for (TopicPartition partition : partitions) {
			Long resume = this.next.get(partition);
			OffsetAndTimestamp first = found.get(partition);
			current.seek(partition, (resume != null) ? resume : (first != null) ? first.offset() : ends.get(partition));
		}
	}

	private void count(ConsumerRecord<String, byte[]> record) {
		Header windowStart = record.headers().lastHeader(SideTopicHeaders.LATE_WINDOW_START);
		if (!this.counts.add((windowStart != null) ? windowStart.value() : null) && !this.skippedLogged) {
			this.skippedLogged = true;
			logger.warn("Skipped topic={} partition={} offset={} key={}: no {} header that reads as a time; "
					+ "/api/topics/late counts such records as skipped, and this is logged once", record.topic(),
					record.partition(), record.offset(), record.key(), SideTopicHeaders.LATE_WINDOW_START);
		}
		this.next.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
	}

	private void failed(RuntimeException failure) {
		String message = failure.getMessage();
		String error = failure.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
		this.counts.failed(error);
		if (this.failures++ == 0) {
			logger.warn("Following {} failed; /api/topics/late shows the counts so far with the error, and following "
					+ "is tried again, at most every few seconds: {}", this.topic, error);
		}
		else {
			logger.debug("Following {} failed again: {}", this.topic, error);
		}
	}

	/** @return false if the backoff is exhausted or the follower was stopped while it waited */
	private boolean pause(BackOffExecution retries) {
		long interval = retries.nextBackOff();
		try {
			return interval != BackOffExecution.STOP && !this.stopped.await(interval, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	@Override
	public void stop() {
		this.running = false;
		this.stopped.countDown();
		Consumer<String, byte[]> current = this.consumer;
		if (current != null) {
			current.wakeup();
		}
		Thread thread = this.follower;
		if (thread != null) {
			try {
				thread.join(this.timeout.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
