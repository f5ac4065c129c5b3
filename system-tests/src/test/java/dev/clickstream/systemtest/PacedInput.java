package dev.clickstream.systemtest;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.clickstream.systemtest.harness.EventTopicWriter;

/**
 * Click events arriving steadily in the background, chunk by chunk, while a test kills and restarts processes: the
 * processes then die with work in progress. {@link #close()} waits for the chunk being written, so that afterwards
 * the writer's counts are final.
 */
final class PacedInput implements AutoCloseable {

	private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();

	private final AtomicInteger chunksLeft;

	PacedInput(EventTopicWriter writer, int chunks, int chunkSize, int poisonEvery, long periodMillis) {
		this.chunksLeft = new AtomicInteger(chunks);
		this.executor.scheduleAtFixedRate(() -> {
			if (this.chunksLeft.getAndDecrement() > 0) {
				writer.write(chunkSize, poisonEvery);
			}
		}, 0, periodMillis, TimeUnit.MILLISECONDS);
	}

	boolean allWritten() {
		return this.chunksLeft.get() <= 0;
	}

	@Override
	public void close() throws InterruptedException {
		this.executor.shutdown();
		if (!this.executor.awaitTermination(2, TimeUnit.MINUTES)) {
			throw new IllegalStateException("the input writer did not finish within 2 minutes");
		}
	}

}
