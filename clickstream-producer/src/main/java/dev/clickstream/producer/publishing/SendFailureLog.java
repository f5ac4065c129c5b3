package dev.clickstream.producer.publishing;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.KafkaException;

/**
 * Logs a send failure once per kind (the exception class) per interval, with the number of like failures since the
 * last line: a broker outage fails thousands of records a second, and one line of context says it all.
 */
final class SendFailureLog {

	private static final Logger log = LoggerFactory.getLogger(SendFailureLog.class);

	private final long intervalNanos;

	private final LongSupplier nanoTime;

	private final ConcurrentMap<Class<?>, Window> windows = new ConcurrentHashMap<>();

	SendFailureLog(Duration interval, LongSupplier nanoTime) {
		this.intervalNanos = interval.toNanos();
		this.nanoTime = nanoTime;
	}

	/**
	 * @return whether this failure was logged, rather than only added to the tally of its kind
	 */
	boolean record(String topic, String key, Throwable failure) {
		long now = this.nanoTime.getAsLong();
		Window window = this.windows.computeIfAbsent(failure.getClass(), kind -> new Window(now - this.intervalNanos));
		long due = window.nextLogAt.get();
		if (now - due < 0 || !window.nextLogAt.compareAndSet(due, now + this.intervalNanos)) {
			window.suppressed.incrementAndGet();
			return false;
		}
		long suppressed = window.suppressed.getAndSet(0);
		// Retriable kinds (timeouts, leader changes) mean the broker is away or busy; the others need a person.
		if (failure instanceof RetriableException) {
			log.warn("Could not send to topic {} (key {}): {}: {} [{} more like it since the last report]", topic,
					key, failure.getClass().getName(), failure.getMessage(), suppressed);
		}
		else {
			log.error("Could not send to topic {} (key {}): {}: {} [{} more like it since the last report]", topic,
					key, failure.getClass().getName(), failure.getMessage(), suppressed);
		}
		return true;
	}

	/** The exception that says what went wrong, under the wrappers KafkaTemplate and the future add. */
	static Throwable rootOf(Throwable failure) {
		Throwable current = failure;
		while ((current instanceof KafkaException || current instanceof CompletionException)
				&& current.getCause() != null) {
			current = current.getCause();
		}
		return current;
	}

	private static final class Window {

		final AtomicLong nextLogAt;

		final AtomicLong suppressed = new AtomicLong();

		Window(long nextLogAt) {
			this.nextLogAt = new AtomicLong(nextLogAt);
		}

	}

}
