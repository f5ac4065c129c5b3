package dev.clickstream.producer.publishing;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.KafkaException;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class SendFailureLogTest {

	final AtomicLong nanos = new AtomicLong(42);

	final SendFailureLog failures = new SendFailureLog(Duration.ofSeconds(10), this.nanos::get);

	@Test
	void logsOneLinePerKindPerIntervalWithTheCountOfTheRest(CapturedOutput output) {
		assertThat(this.failures.record("event-topic", "ur0kzmbj", new TimeoutException("Expiring 1 record(s)")))
			.isTrue();
		for (int i = 0; i < 1000; i++) {
			assertThat(this.failures.record("event-topic", "abc", new TimeoutException("again"))).isFalse();
		}
		this.nanos.addAndGet(Duration.ofSeconds(10).toNanos());

		assertThat(this.failures.record("event-topic", "last", new TimeoutException("still"))).isTrue();

		assertThat(output).contains("Could not send to topic event-topic (key ur0kzmbj): "
				+ "org.apache.kafka.common.errors.TimeoutException: Expiring 1 record(s) [0 more like it")
			.contains("(key last): org.apache.kafka.common.errors.TimeoutException: still [1000 more like it")
			.doesNotContain("(key abc)")
			.doesNotContain("\tat ");
	}

	@Test
	void keepsAnIntervalForEachKind() {
		assertThat(this.failures.record("t", "k", new TimeoutException("slow"))).isTrue();

		assertThat(this.failures.record("t", "k", new RecordTooLargeException("big"))).isTrue();
		assertThat(this.failures.record("t", "k", new RecordTooLargeException("big"))).isFalse();
	}

	@Test
	void findsTheCauseUnderTheWrappers() {
		TimeoutException cause = new TimeoutException("slow");

		assertThat(SendFailureLog.rootOf(new CompletionException(new KafkaException("Send failed", cause))))
			.isSameAs(cause);
		assertThat(SendFailureLog.rootOf(cause)).isSameAs(cause);
	}

}
