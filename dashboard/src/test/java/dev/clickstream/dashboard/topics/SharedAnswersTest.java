package dev.clickstream.dashboard.topics;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

class SharedAnswersTest {

	final AtomicLong now = new AtomicLong();

	final AtomicInteger reads = new AtomicInteger();

	final SharedAnswers<String, Integer> answers = new SharedAnswers<>(Duration.ofSeconds(1), this.now::get);

	@Test
	void oneReadAnswersEveryCallerWhileItIsFresh() {
		assertThat(this.answers.get("event-topic", this.reads::incrementAndGet)).isEqualTo(1);
		this.now.addAndGet(Duration.ofMillis(999).toNanos());

		assertThat(this.answers.get("event-topic", this.reads::incrementAndGet)).isEqualTo(1);
		assertThat(this.reads).hasValue(1);
	}

	@Test
	void anAnswerOlderThanItsFreshnessIsReadAgain() {
		this.answers.get("event-topic", this.reads::incrementAndGet);
		this.now.addAndGet(Duration.ofSeconds(1).toNanos());

		assertThat(this.answers.get("event-topic", this.reads::incrementAndGet)).isEqualTo(2);
	}

	@Test
	void eachKeyHasItsOwnAnswer() {
		this.answers.get("event-topic", this.reads::incrementAndGet);

		assertThat(this.answers.get("event-topic.DLT", this.reads::incrementAndGet)).isEqualTo(2);
	}

	@Test
	void aFailedReadIsNotKept() {
		assertThatIllegalStateException().isThrownBy(() -> this.answers.get("event-topic", () -> {
			throw new IllegalStateException("broker away");
		}));

		assertThat(this.answers.get("event-topic", this.reads::incrementAndGet)).isEqualTo(1);
	}

	@Test
	void callersThatComeDuringAReadWaitForItInsteadOfReadingThemselves() throws Exception {
		CountDownLatch reading = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> this.answers.get("event-topic", () -> {
			reading.countDown();
			await().atMost(Duration.ofSeconds(10)).until(() -> release.getCount() == 0);
			return 42;
		}));
		assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<Integer> second = new CompletableFuture<>();
		Thread waiter = new Thread(() -> second.complete(this.answers.get("event-topic", this.reads::incrementAndGet)));
		waiter.start();
		await().atMost(Duration.ofSeconds(10)).until(() -> waiter.getState() == Thread.State.WAITING);

		release.countDown();

		assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(42);
		assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(42);
		assertThat(this.reads).hasValue(0);
	}

}
