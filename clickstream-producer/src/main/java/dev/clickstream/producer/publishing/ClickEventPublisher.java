package dev.clickstream.producer.publishing;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.clickstream.kafka.ClickstreamTopics;
import dev.clickstream.model.ClickEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * Sends click events to the events topic, keyed by user id, without waiting for the broker. An event counts as
 * produced only once the broker acknowledged it; a failure is counted and logged, never dropped silently.
 */
@Component
public class ClickEventPublisher {

	// Long enough that an outage logs a few lines a minute, not one per record.
	static final Duration FAILURE_LOG_INTERVAL = Duration.ofSeconds(10);

	private final KafkaTemplate<String, ClickEvent> template;

	private final String topic;

	private final MeterRegistry registry;

	private final SendFailureLog failureLog;

	private final AtomicInteger inFlight = new AtomicInteger();

	// Looked up once per name: a registry lookup for each of thousands of events a second is measurable.
	private final Map<String, Counter> produced = new ConcurrentHashMap<>();

	ClickEventPublisher(KafkaTemplate<String, ClickEvent> template, ClickstreamTopics topics, MeterRegistry registry) {
		this.template = template;
		this.topic = topics.events().name();
		this.registry = registry;
		this.failureLog = new SendFailureLog(FAILURE_LOG_INTERVAL, System::nanoTime);
		Gauge.builder("clickstream.events.in-flight", this.inFlight, AtomicInteger::get)
			.description("Events sent to Kafka and not yet acknowledged or failed")
			.register(registry);
	}

	/**
	 * Hands the event to the Kafka producer and returns at once.
	 * @return false if the producer refused the event on the spot (counted as failed); true if it was accepted, in
	 * which case it is counted as produced or failed when the broker answers
	 */
	public boolean publish(ClickEvent event) {
		this.inFlight.incrementAndGet();
		try {
			this.template.send(this.topic, event.userId(), event)
				.whenComplete((result, failure) -> completed(event, result, failure));
			return true;
		}
		// KafkaTemplate throws when the producer fails the record at once: no metadata within max.block.ms, a
		// serialization error, a closed producer. Counted and logged like any failure, so the tick can go on.
		catch (RuntimeException ex) {
			this.inFlight.decrementAndGet();
			failed(event, ex);
			return false;
		}
	}

	private void completed(ClickEvent event, @Nullable SendResult<String, ClickEvent> result,
			@Nullable Throwable failure) {
		this.inFlight.decrementAndGet();
		if (failure == null) {
			this.produced.computeIfAbsent(event.eventName(), this::producedCounter).increment();
		}
		else {
			failed(event, failure);
		}
	}

	private void failed(ClickEvent event, Throwable failure) {
		Throwable cause = SendFailureLog.rootOf(failure);
		Counter.builder("clickstream.events.failed")
			.description("Click events Kafka did not acknowledge")
			.tag("eventName", event.eventName())
			.tag("exception", cause.getClass().getSimpleName())
			.register(this.registry)
			.increment();
		this.failureLog.record(this.topic, event.userId(), cause);
	}

	private Counter producedCounter(String eventName) {
		return Counter.builder("clickstream.events.produced")
			.description("Click events the broker acknowledged")
			.tag("eventName", eventName)
			.register(this.registry);
	}

	/** Events sent and not yet acknowledged or failed. */
	public int inFlight() {
		return this.inFlight.get();
	}

	public String topic() {
		return this.topic;
	}

	/** Blocks until every event sent so far is acknowledged or failed. */
	public void flush() {
		this.template.flush();
	}

}
