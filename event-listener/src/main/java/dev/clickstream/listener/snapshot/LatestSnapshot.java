package dev.clickstream.listener.snapshot;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import dev.clickstream.kafka.ClickstreamTopics;
import dev.clickstream.kafka.KafkaRetries;
import dev.clickstream.listener.kafka.LastCommittedRecords;
import dev.clickstream.listener.kafka.ReadCommittedConsumers;
import dev.clickstream.model.CountsSnapshot;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.BackOffExecution;

/**
 * Follows the snapshot topic as any reader would: the newest committed snapshot is the current totals. Every instance
 * follows it, whichever instance publishes.
 */
@Component
public class LatestSnapshot implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(LatestSnapshot.class);

	private final ReadCommittedConsumers consumers;

	private final JsonMapper jsonMapper;

	private final TopicPartition partition;

	private final AtomicReference<CountsSnapshot> latest = new AtomicReference<>();

	private volatile boolean loaded;

	private volatile boolean running;

	private volatile Consumer<String, byte[]> consumer;

	private Thread follower;

	LatestSnapshot(ReadCommittedConsumers consumers, JsonMapper jsonMapper, ClickstreamTopics topics) {
		this.consumers = consumers;
		this.jsonMapper = jsonMapper;
		this.partition = new TopicPartition(topics.uniqueEvents().name(), 0);
	}

	/** The newest committed snapshot; empty before the first one is read, or if none was ever published. */
	public Optional<CountsSnapshot> current() {
		return Optional.ofNullable(this.latest.get());
	}

	/** Whether the snapshot topic has been read up to its end once, so that an empty {@link #current()} means none. */
	public boolean isLoaded() {
		return this.loaded;
	}

	@Override
	public void start() {
		this.running = true;
		this.follower = new Thread(this::follow, "latest-snapshot");
		this.follower.setDaemon(true);
		this.follower.start();
	}

	private void follow() {
		BackOffExecution retries = KafkaRetries.backOff().start();
		while (this.running) {
			try (Consumer<String, byte[]> follower = this.consumers.create("latest-snapshot",
					new ByteArrayDeserializer())) {
				this.consumer = follower;
				LastCommittedRecords.find(follower, List.of(this.partition), Duration.ofSeconds(30))
					.values()
					.forEach(this::accept);
				this.loaded = true;
				retries = KafkaRetries.backOff().start();
				while (this.running) {
					follower.poll(Duration.ofSeconds(1)).forEach(this::accept);
				}
			}
			catch (WakeupException | InterruptException ex) {
				return;
			}
			catch (RuntimeException ex) {
				// The broker may be away for a while; start over from the newest snapshot when it is back.
				logger.warn("Following {} failed, retrying: {}", this.partition, ex.toString());
				if (!KafkaRetries.pause(retries)) {
					return;
				}
			}
		}
	}

	private void accept(ConsumerRecord<String, byte[]> record) {
		try {
			this.latest.set(this.jsonMapper.readValue(record.value(), CountsSnapshot.class));
		}
		catch (RuntimeException ex) {
			logger.warn("Ignored a record on {} at offset {} that is not a counts snapshot: {}", this.partition,
					record.offset(), ex.getMessage());
		}
	}

	@Override
	public void stop() {
		this.running = false;
		Consumer<String, byte[]> current = this.consumer;
		if (current != null) {
			current.wakeup();
		}
		try {
			this.follower.join(5_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
