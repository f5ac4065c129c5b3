package dev.clickstream.kafka;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.KafkaException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;

@ExtendWith(OutputCaptureExtension.class)
class TopicCreatorTest {

	static final String WARNING = "Could not create the topics [clicks, totals] at 127.0.0.1:9 yet";

	// What KafkaAdmin.initialize() throws when the broker does not answer in time.
	static final IllegalStateException NO_ANSWER = new IllegalStateException("Could not configure topics",
			new KafkaException("Timed out waiting to get existing topics", new TimeoutException()));

	final TopicAdmin admin = mock();

	final TopicCreator creator = new TopicCreator(this.admin);

	@BeforeEach
	void declaredTopics() {
		given(this.admin.topicNames()).willReturn(List.of("clicks", "totals"));
		given(this.admin.bootstrapServers()).willReturn("127.0.0.1:9");
	}

	@AfterEach
	void stop() {
		this.creator.stop();
	}

	@Test
	void createsTheTopicsOnStartBeforeTheListenerContainersStart(CapturedOutput output) {
		given(this.admin.initialize()).willReturn(true);

		this.creator.start();

		then(this.admin).should().initialize();
		assertThat(this.creator.retrying()).isFalse();
		assertThat(this.creator.isRunning()).isTrue();
		assertThat(this.creator.getPhase()).isLessThan(SmartLifecycle.DEFAULT_PHASE);
		assertThat(output).doesNotContain(WARNING);
	}

	@Test
	void startsWithoutKafkaWarnsOnceAndCreatesTheTopicsWhenItAnswers(CapturedOutput output) {
		given(this.admin.initialize()).willThrow(NO_ANSWER, NO_ANSWER, NO_ANSWER).willReturn(true);

		this.creator.start();

		assertThat(this.creator.isRunning()).isTrue();
		await().atMost(Duration.ofSeconds(10)).until(() -> !this.creator.retrying());
		then(this.admin).should(times(4)).initialize();
		assertThat(output.getOut()).containsOnlyOnce(WARNING);
		assertThat(output).contains(WARNING + " (no answer within 5 s); retrying in the background until Kafka answers")
			.contains("Kafka answered: the topics [clicks, totals] exist")
			.doesNotContain("\tat ");
	}

	@Test
	void namesACauseOtherThanNoAnswer(CapturedOutput output) {
		given(this.admin.initialize()).willThrow(new IllegalStateException("Could not configure topics",
				new KafkaException("Failed to create topics", new IllegalArgumentException("replication factor 3"))))
			.willReturn(true);

		this.creator.start();

		assertThat(output).contains(WARNING + " (IllegalArgumentException: replication factor 3)");
	}

	@Test
	void stopEndsTheRetries() {
		given(this.admin.initialize()).willThrow(NO_ANSWER);
		this.creator.start();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> then(this.admin).should(atLeast(3)).initialize());

		this.creator.stop();

		assertThat(this.creator.isRunning()).isFalse();
		await().atMost(Duration.ofSeconds(10)).until(() -> !this.creator.retrying());
	}

}
