package dev.clickstream.systemtest;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

class PacedInputTest {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@Test
	void aChunkThatFailsEndsTheInputAndFailsAllWrittenAndCloseWithItsCause() throws InterruptedException {
		IllegalStateException unacknowledged = new IllegalStateException("the broker did not acknowledge an event");
		AtomicInteger attempts = new AtomicInteger();
		PacedInput input = new PacedInput(() -> {
			if (attempts.incrementAndGet() == 2) {
				throw unacknowledged;
			}
		}, 5, 10);

		await().atMost(WAIT)
			.untilAsserted(() -> assertThatIllegalStateException().isThrownBy(input::allWritten)
				.withCause(unacknowledged));
		assertThatIllegalStateException().isThrownBy(input::close).withCause(unacknowledged);
		assertThat(attempts).as("chunks tried; none after the failed one").hasValue(2);
	}

	@Test
	void allWrittenOnlyOnceTheLastChunkIsAcknowledged() throws InterruptedException {
		AtomicInteger started = new AtomicInteger();
		CountDownLatch lastStarted = new CountDownLatch(1);
		CountDownLatch acknowledgeTheLast = new CountDownLatch(1);
		try (PacedInput input = new PacedInput(() -> {
			if (started.incrementAndGet() == 3) {
				lastStarted.countDown();
				waitFor(acknowledgeTheLast);
			}
		}, 3, 10)) {
			waitFor(lastStarted);
			assertThat(input.allWritten()).as("while the last chunk waits for its acknowledgement").isFalse();

			acknowledgeTheLast.countDown();
			await().atMost(WAIT).until(input::allWritten);
		}
		assertThat(started).as("chunks written").hasValue(3);
	}

	private static void waitFor(CountDownLatch latch) {
		try {
			assertThat(latch.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
