package dev.clickstream.producer.publishing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import dev.clickstream.kafka.ClickstreamTopics;
import dev.clickstream.model.ClickEvent;
import dev.clickstream.model.MetricNames;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RoundRobinPartitioner;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ClickEventPublisherTest {

	static final String TOPIC = "clicks";

	static final ClickEvent PURCHASE = new ClickEvent(Instant.parse("2026-01-01T00:00:00Z"), "4pqurkxx3oku8yj",
			"purchase", "ur0kzmbj");

	static final ClickEvent VIEW = new ClickEvent(Instant.parse("2026-01-01T00:00:00Z"), "aaaaaaaaaaaaaaa",
			"productview", "bbbbbbbb");

	static final ClickstreamTopics TOPICS = new ClickstreamTopics(new ClickstreamTopics.Events(TOPIC, 3),
			new ClickstreamTopics.UniqueEvents("totals"), new ClickstreamTopics.Changelog("counts"),
			new ClickstreamTopics.DeadLetters(null), new ClickstreamTopics.WindowChangelog("windows"),
			new ClickstreamTopics.LateEvents(null), new ClickstreamTopics.WindowResults("minutes"),
			new ClickstreamTopics.AllTime("all-time"),
				new ClickstreamTopics.Checkpoints("checkpoints"), (short) 1);

	// Acknowledges or fails only when the test says so.
	final MockProducer<String, ClickEvent> producer = new MockProducer<>(false, new RoundRobinPartitioner(),
			new StringSerializer(), new ClickEventSerializer());

	final MeterRegistry registry = new SimpleMeterRegistry();

	final ClickEventPublisher publisher = new ClickEventPublisher(
			new KafkaTemplate<>(new MockProducerFactory<>(() -> this.producer)), TOPICS, this.registry);

	@Test
	void sendsEachEventToTheEventsTopicKeyedByUserAndCountsItOnlyOnAcknowledgement() {
		assertThat(this.publisher.publish(3, events(PURCHASE, VIEW, PURCHASE))).isEqualTo(3);

		assertThat(this.producer.history()).extracting(ProducerRecord::topic, ProducerRecord::key, ProducerRecord::value)
			.containsExactly(tuple(TOPIC, "ur0kzmbj", PURCHASE),
					tuple(TOPIC, "bbbbbbbb", VIEW),
					tuple(TOPIC, "ur0kzmbj", PURCHASE));
		assertThat(this.publisher.inFlight()).isEqualTo(3);
		assertThat(this.registry.find(MetricNames.EVENTS_PRODUCED).counter()).isNull();

		this.producer.completeNext();
		this.producer.completeNext();

		assertThat(this.publisher.inFlight()).isEqualTo(1);
		assertThat(producedByName()).isEqualTo(Map.of("purchase", 1L, "productview", 1L));

		this.producer.completeNext();

		assertThat(this.publisher.inFlight()).isZero();
		assertThat(producedByName()).isEqualTo(Map.of("purchase", 2L, "productview", 1L));
	}

	@Test
	void registersTheProducedCounterOfEachExpectedNameAtZeroAndCountsOnIt() {
		this.publisher.registerProducedCounters(List.of("purchase", "productview"));

		assertThat(producedByName()).isEqualTo(Map.of("purchase", 0L, "productview", 0L));

		this.publisher.publish(1, events(PURCHASE));
		this.producer.completeNext();

		assertThat(producedByName()).isEqualTo(Map.of("purchase", 1L, "productview", 0L));
	}

	@Test
	void countsAFailureTheBrokerReportsLaterByEventNameAndCause() {
		this.publisher.publish(1, events(PURCHASE));

		this.producer.errorNext(new TimeoutException("Expiring 1 record(s)"));

		assertThat(this.publisher.inFlight()).isZero();
		assertThat(this.registry.get(MetricNames.EVENTS_FAILED)
			.tag(MetricNames.EVENT_NAME, "purchase")
			.tag(MetricNames.EXCEPTION, "TimeoutException")
			.counter()
			.count()).isEqualTo(1);
		assertThat(this.registry.find(MetricNames.EVENTS_PRODUCED).counter()).isNull();
	}

	@Test
	void endsTheBatchWhenTheProducerThrowsAndCountsTheEventAsFailed() {
		this.producer.close();

		assertThat(this.publisher.publish(5, events(PURCHASE, VIEW, VIEW, VIEW, VIEW))).isEqualTo(1);

		assertThat(this.publisher.inFlight()).isZero();
		assertThat(this.registry.get(MetricNames.EVENTS_FAILED)
			.tag(MetricNames.EVENT_NAME, "purchase")
			.tag(MetricNames.EXCEPTION, "IllegalStateException")
			.counter()
			.count()).isEqualTo(1);
	}

	@Test
	void endsTheBatchWhenARealProducerRefusesARecordForWantOfMetadata() {
		// Nothing listens on port 1: KafkaProducer fails the record through its callback after max.block.ms and
		// returns a future already done, without throwing.
		DefaultKafkaProducerFactory<String, ClickEvent> factory = new DefaultKafkaProducerFactory<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1", ProducerConfig.MAX_BLOCK_MS_CONFIG, 200),
				new StringSerializer(), new ClickEventSerializer());
		try {
			MeterRegistry registry = new SimpleMeterRegistry();
			ClickEventPublisher refused = new ClickEventPublisher(new KafkaTemplate<>(factory), TOPICS, registry);

			assertThat(refused.publish(5, events(PURCHASE, VIEW, VIEW, VIEW, VIEW))).isEqualTo(1);

			assertThat(refused.inFlight()).isZero();
			assertThat(registry.get(MetricNames.EVENTS_FAILED)
				.tag(MetricNames.EVENT_NAME, "purchase")
				.tag(MetricNames.EXCEPTION, "TimeoutException")
				.counter()
				.count()).isEqualTo(1);
		}
		finally {
			factory.destroy();
		}
	}

	@Test
	void writesTheSeedsJsonWithNoHeaders() {
		this.publisher.publish(1, events(PURCHASE));

		ProducerRecord<String, ClickEvent> sent = this.producer.history().get(0);
		assertThat(new String(new ClickEventSerializer().serialize(TOPIC, sent.value()), StandardCharsets.UTF_8))
			.isEqualTo("{\"date\":\"2026-01-01T00:00:00UTC\",\"productId\":\"4pqurkxx3oku8yj\",\"eventName\":\"purchase\",\"userId\":\"ur0kzmbj\"}");
		assertThat(sent.headers().toArray()).isEmpty();
	}

	@Test
	void takesNothingForAnEmptyBatch() {
		assertThat(this.publisher.publish(0, events())).isZero();

		assertThat(this.producer.history()).isEmpty();
	}

	@Test
	void flushesTheProducer() {
		this.publisher.flush();

		assertThat(this.producer.flushed()).isTrue();
	}

	private Map<String, Long> producedByName() {
		return this.registry.find(MetricNames.EVENTS_PRODUCED)
			.counters()
			.stream()
			.collect(Collectors.toMap(counter -> counter.getId().getTag(MetricNames.EVENT_NAME),
					counter -> (long) counter.count()));
	}

	/** Hands out the given events in order, and fails the test if more are taken. */
	private static Supplier<ClickEvent> events(ClickEvent... events) {
		Iterator<ClickEvent> remaining = List.of(events).iterator();
		return remaining::next;
	}

}
