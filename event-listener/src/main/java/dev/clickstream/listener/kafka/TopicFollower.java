package dev.clickstream.listener.kafka;

import java.time.Duration;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.clickstream.kafka.KafkaRetries;
import dev.clickstream.kafka.ReadCommittedConsumers;

import org.springframework.context.SmartLifecycle;
import org.springframework.util.backoff.BackOffExecution;

/**
 * Follows one partition as any reader would, read_committed, on a thread of its own: catches up once, then takes
 * every new record. While the broker is away it retries, and catches up again when it is back.
 */
public abstract class TopicFollower implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(TopicFollower.class);

	private final ReadCommittedConsumers consumers;

	private final String name;

	private final TopicPartition partition;

	private volatile boolean loaded;

	private volatile boolean running;

	private volatile @Nullable Consumer<String, byte[]> consumer;

	private @Nullable Thread follower;

	protected TopicFollower(ReadCommittedConsumers consumers, String name, TopicPartition partition) {
		this.consumers = consumers;
		this.name = name;
		this.partition = partition;
	}

	/** Whether the partition has been read up to where it stood at the start, once. */
	public boolean isLoaded() {
		return this.loaded;
	}

	protected TopicPartition partition() {
		return this.partition;
	}

	/** Reads what is on the partition up to now; the consumer then goes on from where this leaves it. */
	protected abstract void catchUp(Consumer<String, byte[]> consumer);

	protected abstract void accept(ConsumerRecord<String, byte[]> record);

	@Override
	public void start() {
		this.running = true;
		Thread thread = new Thread(this::follow, this.name);
		thread.setDaemon(true);
		thread.start();
		this.follower = thread;
	}

	private void follow() {
		BackOffExecution retries = KafkaRetries.backOff().start();
		while (this.running) {
			try (Consumer<String, byte[]> follower = this.consumers.create(this.name, new ByteArrayDeserializer())) {
				this.consumer = follower;
				catchUp(follower);
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
				logger.warn("Following {} failed, retrying: {}", this.partition, ex.toString());
				if (!KafkaRetries.pause(retries)) {
					return;
				}
			}
		}
	}

	@Override
	public void stop() {
		this.running = false;
		Consumer<String, byte[]> current = this.consumer;
		if (current != null) {
			current.wakeup();
		}
		Thread thread = this.follower;
		if (thread != null) {
			try {
				thread.join(5_000);
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
