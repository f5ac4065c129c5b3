package dev.clickstream.dashboard.topics;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The topic browser's consumers, kept from one read to the next. A consumer made for each read would connect to the
 * brokers anew, fetch their metadata and register its metrics and MBeans under a client id never seen before: once a
 * second for every topic an open page tails. A read borrows an idle consumer or a new one, and gives it back
 * without an assignment, so that the next read starts as on a new consumer, with no positions, paused partitions or
 * fetched records left over; a consumer whose read failed is closed instead, whatever state it was left in. As many
 * consumers are kept as reads ran at once.
 */
final class BrowserConsumers implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(BrowserConsumers.class);

	private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(1);

	private final Supplier<Consumer<String, byte[]>> factory;

	private final Deque<Consumer<String, byte[]>> idle = new ArrayDeque<>();

	private boolean closed;

	/** @param factory makes a new consumer, with a client id no other consumer of this service has */
	BrowserConsumers(Supplier<Consumer<String, byte[]>> factory) {
		this.factory = factory;
	}

	/** Runs the read with a consumer that has no assignment; what the read throws is thrown on. */
	<T> T read(Function<Consumer<String, byte[]>, T> read) {
		Consumer<String, byte[]> consumer = borrow();
		boolean succeeded = false;
		try {
			T result = read.apply(consumer);
			succeeded = true;
			return result;
		}
		finally {
			if (succeeded) {
				giveBack(consumer);
			}
			else {
				closeQuietly(consumer);
			}
		}
	}

	/** How many consumers wait for the next read. */
	synchronized int idle() {
		return this.idle.size();
	}

	private Consumer<String, byte[]> borrow() {
		synchronized (this) {
			if (this.closed) {
				throw new IllegalStateException("The topic browser's consumers are closed: the service is stopping");
			}
			Consumer<String, byte[]> kept = this.idle.pollFirst();
			if (kept != null) {
				return kept;
			}
		}
		return this.factory.get();
	}

	private void giveBack(Consumer<String, byte[]> consumer) {
		try {
			consumer.resume(consumer.paused());
			consumer.unsubscribe();
		}
		catch (RuntimeException ex) {
			closeQuietly(consumer);
			return;
		}
		synchronized (this) {
			if (!this.closed) {
				this.idle.addFirst(consumer);
				return;
			}
		}
		closeQuietly(consumer);
	}

	private static void closeQuietly(Consumer<String, byte[]> consumer) {
		try {
			consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT));
		}
		catch (RuntimeException ex) {
			logger.debug("Closing a topic browser's consumer failed: {}", ex.toString());
		}
	}

	/** Closes the idle consumers; one still reading is closed when its read ends. */
	@Override
	public void close() {
		List<Consumer<String, byte[]>> closing;
		synchronized (this) {
			this.closed = true;
			closing = new ArrayList<>(this.idle);
			this.idle.clear();
		}
		closing.forEach(BrowserConsumers::closeQuietly);
	}

}
