package dev.clickstream.listener.health;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListenerContainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class KafkaListenersHealthIndicatorTest {

	private final KafkaListenerEndpointRegistry registry = mock(KafkaListenerEndpointRegistry.class);

	private final KafkaListenersHealthIndicator indicator = new KafkaListenersHealthIndicator(this.registry);

	@Test
	void upWhenEveryContainerRunsWithEachConsumersPartitions() {
		MessageListenerContainer first = consumer(true, new TopicPartition("event-topic", 0));
		MessageListenerContainer second = consumer(true);
		ConcurrentMessageListenerContainer<?, ?> counter = container("click-event-counter", true, true, true);
		given(counter.getContainers()).willAnswer(invocation -> List.of(first, second));
		given(this.registry.getListenerContainers()).willReturn(List.of(counter));

		Health health = this.indicator.health();

		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("listeners",
				Map.of("click-event-counter", Map.of("running", true, "consumers",
						List.of(Map.of("running", true, "partitions", List.of("event-topic-0")),
								Map.of("running", true, "partitions", List.of())))));
	}

	@Test
	void downWhenAContainerThatShouldRunDoesNot() {
		ConcurrentMessageListenerContainer<?, ?> stopped = container("snapshot-publisher", false, true, true);
		given(this.registry.getListenerContainers()).willReturn(List.of(stopped));

		Health health = this.indicator.health();

		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails().toString()).contains("problem=not running");
	}

	@Test
	void downWhenAConsumerStoppedOnAnError() {
		ConcurrentMessageListenerContainer<?, ?> failed = container("click-event-counter", true, false, true);
		given(this.registry.getListenerContainers()).willReturn(List.of(failed));

		assertThat(this.indicator.health().getStatus()).isEqualTo(Status.DOWN);
	}

	@Test
	void aContainerLeftStoppedOnPurposeIsNotAProblem() {
		ConcurrentMessageListenerContainer<?, ?> manual = container("replay", false, true, false);
		given(this.registry.getListenerContainers()).willReturn(List.of(manual));

		assertThat(this.indicator.health().getStatus()).isEqualTo(Status.UP);
	}

	private static ConcurrentMessageListenerContainer<?, ?> container(String id, boolean running, boolean expected,
			boolean autoStartup) {
		ConcurrentMessageListenerContainer<?, ?> container = mock(ConcurrentMessageListenerContainer.class);
		given(container.getListenerId()).willReturn(id);
		given(container.isRunning()).willReturn(running);
		given(container.isInExpectedState()).willReturn(expected);
		given(container.isAutoStartup()).willReturn(autoStartup);
		return container;
	}

	private static MessageListenerContainer consumer(boolean running, TopicPartition... partitions) {
		MessageListenerContainer consumer = mock(MessageListenerContainer.class);
		given(consumer.isRunning()).willReturn(running);
		given(consumer.getAssignedPartitions()).willReturn(List.of(partitions));
		return consumer;
	}

}
