package dev.clickstream.kafka;

import java.time.Duration;

import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The one backoff of every loop that waits for Kafka: a broker that is restarting, topic creation on a broker that is
 * not there yet, transaction markers that have not reached a partition. Quick at first, for waits of milliseconds;
 * no more often than every few seconds, for a broker that is away for minutes.
 */
public final class KafkaRetries {

	static final Duration INITIAL_INTERVAL = Duration.ofMillis(50);

	static final Duration MAX_INTERVAL = Duration.ofSeconds(5);

	private KafkaRetries() {
	}

	/** A new backoff that retries for ever; set {@link ExponentialBackOff#setMaxElapsedTime} to bound it. */
	public static ExponentialBackOff backOff() {
		ExponentialBackOff backOff = new ExponentialBackOff(INITIAL_INTERVAL.toMillis(), 2.0);
		backOff.setMaxInterval(MAX_INTERVAL.toMillis());
		return backOff;
	}

	/**
	 * Sleeps for the execution's next interval.
	 * @return false if the backoff is exhausted (nothing slept) or the thread was interrupted (its flag set again)
	 */
	public static boolean pause(BackOffExecution execution) {
		long interval = execution.nextBackOff();
		if (interval == BackOffExecution.STOP) {
			return false;
		}
		try {
			Thread.sleep(interval);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
