package dev.clickstream.systemtest;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Click events arriving steadily in the background, chunk by chunk, while a test kills and restarts processes: the
 * processes then die with work in progress. A chunk that cannot be written ends the input and fails the test:
 * {@link #allWritten()} and {@link #close()} throw with its cause. {@link #close()} waits for the chunk being
 * written, so that afterwards the writer's counts are final.
 */
final class PacedInput implements AutoCloseable {

	private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();

	private final AtomicInteger chunksLeft;

	private final AtomicReference<Throwable> failure = new AtomicReference<>();

	/**
	 * @param writeChunk writes one chunk and returns once it is acknowledged, e.g.
	 * {@code () -> writer.write(2_000, 0)}
	 * @param chunks how many chunks to write
	 * @param periodMillis the time from the start of one chunk to the start of the next
	 */
	PacedInput(Runnable writeChunk, int chunks, long periodMillis) {
		this.chunksLeft = new AtomicInteger(chunks);
		this.executor.scheduleAtFixedRate(() -> {
			if (this.chunksLeft.get() > 0) {
				try {
					writeChunk.run();
				}
				catch (RuntimeException | Error ex) {
					this.failure.set(ex);
					// ends the schedule: no chunk after a failed one
					throw ex;
				}
				this.chunksLeft.decrementAndGet();
			}
		}, 0, periodMillis, TimeUnit.MILLISECONDS);
	}

	/**
	 * Whether every chunk was written and acknowledged.
	 * @throws IllegalStateException with the failure as its cause if a chunk could not be written
	 */
	boolean allWritten() {
		throwIfFailed();
		return this.chunksLeft.get() == 0;
	}

	/** @throws IllegalStateException with the failure as its cause if a chunk could not be written */
	@Override
	public void close() throws InterruptedException {
		this.executor.shutdown();
		if (!this.executor.awaitTermination(2, TimeUnit.MINUTES)) {
			throw new IllegalStateException("the input writer did not finish within 2 minutes");
		}
		throwIfFailed();
	}

	private void throwIfFailed() {
		Throwable cause = this.failure.get();
		if (cause != null) {
			throw new IllegalStateException("writing the input failed with " + this.chunksLeft.get()
					+ " chunks left: " + cause, cause);
		}
	}

}
