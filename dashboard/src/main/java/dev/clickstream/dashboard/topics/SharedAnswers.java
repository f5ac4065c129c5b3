package dev.clickstream.dashboard.topics;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * One answer per key for a short time, shared by every caller: however many dashboards poll a topic, it is read once
 * per {@code freshFor}. A caller that finds no fresh answer reads it on its own thread; callers that come while it
 * reads wait for that read instead of starting their own. A failed read is not kept: the next caller tries again.
 *
 * @param <K> the keys
 * @param <V> the answers
 */
final class SharedAnswers<K, V> {

	private static final class Answer<V> {

		private final CompletableFuture<V> value = new CompletableFuture<>();

		private volatile long readAt;

	}

	private final long freshForNanos;

	private final LongSupplier nanoClock;

	private final Map<K, Answer<V>> answers = new ConcurrentHashMap<>();

	SharedAnswers(Duration freshFor, LongSupplier nanoClock) {
		this.freshForNanos = freshFor.toNanos();
		this.nanoClock = nanoClock;
	}

	/** The shared answer for the key, read with {@code read} if there is none fresh and none being read. */
	V get(K key, Supplier<V> read) {
		Answer<V> mine = new Answer<>();
		Answer<V> shared = this.answers.compute(key, (ignored, current) -> usable(current) ? current : mine);
		if (shared == mine) {
			try {
				V value = read.get();
				mine.readAt = this.nanoClock.getAsLong();
				mine.value.complete(value);
			}
			catch (RuntimeException | Error ex) {
				this.answers.remove(key, mine);
				mine.value.completeExceptionally(ex);
				throw ex;
			}
		}
		try {
			return shared.value.join();
		}
		catch (CompletionException ex) {
			// The waiters get the reader's own exception, so each request fails the way the read did.
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	private boolean usable(@Nullable Answer<V> answer) {
		if (answer == null) {
			return false;
		}
		if (!answer.value.isDone()) {
			return true;
		}
		return !answer.value.isCompletedExceptionally()
				&& this.nanoClock.getAsLong() - answer.readAt < this.freshForNanos;
	}

}
