package dev.clickstream.producer.publishing;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import dev.clickstream.kafka.ClickstreamTopics;
import dev.clickstream.model.ClickEvent;
import dev.clickstream.model.MetricNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends click events to the events topic, keyed by user id, in batches and without waiting for the broker. An event
 * counts as produced only once the broker acknowledged it; a failure is counted and logged, never dropped silently.
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

	private final AtomicLong acknowledged = new AtomicLong();

	// Looked up once per name: a registry lookup for each of thousands of events a second is measurable.
	private final Map<String, Counter> produced = new ConcurrentHashMap<>();

	ClickEventPublisher(KafkaTemplate<String, ClickEvent> template, ClickstreamTopics topics, MeterRegistry registry) {
		this.template = template;
		this.topic = topics.events().name();
		this.registry = registry;
		this.failureLog = new SendFailureLog(FAILURE_LOG_INTERVAL, System::nanoTime);
		Gauge.builder(MetricNames.EVENTS_IN_FLIGHT, this.inFlight, AtomicInteger::get)
			.description("Events sent to Kafka and not yet acknowledged or failed")
			.register(registry);
	}

	/**
	 * Registers the produced counter of each name at zero, so that its series exists before the first
	 * acknowledgement: Prometheus' {@code rate()} and {@code increase()} see no step from "no series" to the first
	 * count. Names not registered here get their counter at their first acknowledgement.
	 */
	public void registerProducedCounters(Collection<String> eventNames) {
		eventNames.forEach(eventName -> this.produced.computeIfAbsent(eventName, this::producedCounter));
	}

	/**
	 * Hands {@code count} events from {@code events} to the Kafka producer and returns at once.
	 * @return how many events were taken from {@code events}: all of them, unless the producer refused one on the
	 * spot (counted as failed), which ends the batch; each accepted event is counted as produced or failed when the
	 * broker answers
	 */
	public long publish(long count, Supplier<ClickEvent> events) {
		if (count <= 0) {
			return 0;
		}
		// The producer itself for the whole batch: KafkaTemplate.send gives each record a future, a timer sample, an
		// observation and a listener call, about half the generator's time per event (JFR).
		return this.template.execute(producer -> send(producer, count, events));
	}

	private long send(Producer<String, ClickEvent> producer, long count, Supplier<ClickEvent> events) {
		for (long taken = 1; taken <= count; taken++) {
			ClickEvent event = events.get();
			this.inFlight.incrementAndGet();
			try {
				Future<RecordMetadata> sent = producer.send(new ProducerRecord<>(this.topic, event.userId(), event),
						(metadata, failure) -> completed(event, failure));
				if (refused(sent)) {
					return taken;
				}
			}
			// Thrown for a closed producer, a serialization error or an interrupt: the rest would fail alike.
			catch (RuntimeException ex) {
				this.inFlight.decrementAndGet();
				failed(event, ex);
				return taken;
			}
		}
		return count;
	}

	// A record the producer cannot even queue (no metadata within max.block.ms) is failed through its callback,
	// which counted it, and returned as a future that is already done; the rest would wait as long each.
	private static boolean refused(Future<RecordMetadata> sent) {
		if (!sent.isDone()) {
			return false;
		}
		try {
			sent.get();
			return false;
		}
		catch (ExecutionException ex) {
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return true;
		}
	}

	private void completed(ClickEvent event, @Nullable Exception failure) {
		this.inFlight.decrementAndGet();
		if (failure == null) {
			this.acknowledged.incrementAndGet();
			this.produced.computeIfAbsent(event.eventName(), this::producedCounter).increment();
		}
		else {
			failed(event, failure);
		}
	}

	private void failed(ClickEvent event, Throwable failure) {
		Throwable cause = SendFailureLog.rootOf(failure);
		// Registered at the first failure of each kind, unlike the produced counters: the exceptions are not known
		// ahead.
		Counter.builder(MetricNames.EVENTS_FAILED)
			.description("Click events Kafka did not acknowledge")
			.tag(MetricNames.EVENT_NAME, event.eventName())
			.tag(MetricNames.EXCEPTION, cause.getClass().getSimpleName())
			.register(this.registry)
			.increment();
		this.failureLog.record(this.topic, event.userId(), cause);
	}

	private Counter producedCounter(String eventName) {
		return Counter.builder(MetricNames.EVENTS_PRODUCED)
			.description("Click events the broker acknowledged")
			.tag(MetricNames.EVENT_NAME, eventName)
			.register(this.registry);
	}

	/** Events the broker acknowledged since startup. */
	public long acknowledged() {
		return this.acknowledged.get();
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
