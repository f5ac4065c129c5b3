package dev.clickstream.producer.publishing;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import dev.clickstream.kafka.ClickstreamTopics;
import dev.clickstream.model.ClickEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaProducerException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;

class ClickEventPublisherTest {

	static final String TOPIC = "clicks";

	static final ClickEvent PURCHASE = new ClickEvent(Instant.parse("2026-01-01T00:00:00Z"), "4pqurkxx3oku8yj",
			"purchase", "ur0kzmbj");

	final KafkaTemplate<String, ClickEvent> template = mock();

	final MeterRegistry registry = new SimpleMeterRegistry();

	final ClickEventPublisher publisher = new ClickEventPublisher(this.template,
			new ClickstreamTopics(new ClickstreamTopics.Events(TOPIC, 3), new ClickstreamTopics.UniqueEvents("totals"),
					(short) 1),
			this.registry);

	@Test
	void sendsToTheEventsTopicKeyedByUserAndCountsOnlyOnAcknowledgement() {
		CompletableFuture<SendResult<String, ClickEvent>> ack = new CompletableFuture<>();
		given(this.template.send(TOPIC, "ur0kzmbj", PURCHASE)).willReturn(ack);

		assertThat(this.publisher.publish(PURCHASE)).isTrue();

		assertThat(this.publisher.inFlight()).isEqualTo(1);
		assertThat(this.registry.find("clickstream.events.produced").counter()).isNull();

		ack.complete(new SendResult<>(new ProducerRecord<>(TOPIC, "ur0kzmbj", PURCHASE), null));

		assertThat(this.publisher.inFlight()).isZero();
		assertThat(this.registry.get("clickstream.events.produced").tag("eventName", "purchase").counter().count())
			.isEqualTo(1);
	}

	@Test
	void countsAFailureTheBrokerReportsLaterByEventNameAndCause() {
		CompletableFuture<SendResult<String, ClickEvent>> ack = new CompletableFuture<>();
		given(this.template.send(TOPIC, "ur0kzmbj", PURCHASE)).willReturn(ack);
		this.publisher.publish(PURCHASE);

		ack.completeExceptionally(new KafkaProducerException(new ProducerRecord<>(TOPIC, "ur0kzmbj", PURCHASE),
				"Failed to send", new TimeoutException("Expiring 1 record(s)")));

		assertThat(this.publisher.inFlight()).isZero();
		assertThat(this.registry.get("clickstream.events.failed")
			.tag("eventName", "purchase")
			.tag("exception", "TimeoutException")
			.counter()
			.count()).isEqualTo(1);
		assertThat(this.registry.find("clickstream.events.produced").counter()).isNull();
	}

	@Test
	void countsAFailureOnTheSpotAndSaysSo() {
		given(this.template.send(TOPIC, "ur0kzmbj", PURCHASE))
			.willThrow(new KafkaException("Send failed", new TimeoutException("Topic not present in metadata")));

		assertThat(this.publisher.publish(PURCHASE)).isFalse();

		assertThat(this.publisher.inFlight()).isZero();
		assertThat(this.registry.get("clickstream.events.failed").tag("exception", "TimeoutException").counter().count())
			.isEqualTo(1);
	}

	@Test
	void flushesTheTemplate() {
		this.publisher.flush();

		then(this.template).should().flush();
	}

}
