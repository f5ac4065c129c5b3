package dev.clickstream.dashboard.topics;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BrowserConsumersTest {

	private static final TopicPartition EVENTS_0 = new TopicPartition("event-topic", 0);

	private final List<MockConsumer<String, byte[]>> made = new ArrayList<>();

	private final BrowserConsumers consumers = new BrowserConsumers(() -> {
		MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
		this.made.add(consumer);
		return consumer;
	});

	@Test
	void readsOneAfterAnotherShareOneConsumer() {
		for (int read = 0; read < 10; read++) {
			this.consumers.read(consumer -> {
				consumer.assign(List.of(EVENTS_0));
				return null;
			});
		}

		assertThat(this.made).hasSize(1);
		assertThat(this.made.get(0).closed()).isFalse();
		assertThat(this.consumers.idle()).isEqualTo(1);
	}

	@Test
	void theNextReadFindsTheConsumerAsNewWithoutAssignmentOrPausedPartitions() {
		this.consumers.read(consumer -> {
			consumer.assign(List.of(EVENTS_0));
			consumer.pause(List.of(EVENTS_0));
			return null;
		});

		Set<TopicPartition> assignedAtStart = this.consumers.read(Consumer::assignment);
		Set<TopicPartition> pausedAtStart = this.consumers.read(Consumer::paused);

		assertThat(this.made).hasSize(1);
		assertThat(assignedAtStart).isEmpty();
		assertThat(pausedAtStart).isEmpty();
	}

	@Test
	void aConsumerWhoseReadFailedIsClosedAndTheNextReadGetsANewOne() {
		assertThatThrownBy(() -> this.consumers.read(consumer -> {
			throw new TimeoutException("could not read event-topic within PT5S");
		})).isInstanceOf(TimeoutException.class);

		assertThat(this.made).hasSize(1);
		assertThat(this.made.get(0).closed()).isTrue();
		assertThat(this.consumers.idle()).isZero();

		this.consumers.read(consumer -> null);
		assertThat(this.made).hasSize(2);
		assertThat(this.made.get(1).closed()).isFalse();
	}

	@Test
	void readsAtTheSameTimeHaveConsumersOfTheirOwnAndBothAreKept() throws Exception {
		CountDownLatch bothReading = new CountDownLatch(2);
		Runnable read = () -> this.consumers.read(consumer -> {
			bothReading.countDown();
			try {
				assertThat(bothReading.await(10, TimeUnit.SECONDS)).isTrue();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return consumer;
		});
		CompletableFuture.allOf(CompletableFuture.runAsync(read), CompletableFuture.runAsync(read))
			.get(10, TimeUnit.SECONDS);

		assertThat(this.made).hasSize(2);
		assertThat(this.consumers.idle()).isEqualTo(2);
	}

	@Test
	void closingClosesTheIdleConsumersAndAReadStillGoingWhenItEnds() {
		this.consumers.read(outer -> this.consumers.read(inner -> null));
		assertThat(this.made).hasSize(2);

		this.consumers.read(reading -> {
			this.consumers.close();
			assertThat(this.made).filteredOn(consumer -> consumer != reading).singleElement()
				.satisfies(idle -> assertThat(idle.closed()).isTrue());
			assertThat(((MockConsumer<?, ?>) reading).closed()).isFalse();
			return null;
		});

		assertThat(this.made).allSatisfy(consumer -> assertThat(consumer.closed()).isTrue());
		assertThat(this.consumers.idle()).isZero();
		assertThatIllegalStateException().isThrownBy(() -> this.consumers.read(consumer -> null))
			.withMessageContaining("stopping");
	}

}
