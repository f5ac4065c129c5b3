package dev.clickstream.producer.generator;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Supplier;

import dev.clickstream.model.ClickEvent;
import dev.clickstream.model.MetricNames;
import dev.clickstream.producer.publishing.ClickEventPublisher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;

/**
 * Every tick, asks the plan how many events are due, makes them and hands them to the publisher. On shutdown it
 * stops ticking before anything else stops, then flushes what is still in flight.
 */
final class GenerationSchedule implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(GenerationSchedule.class);

	/** Events per call to the publisher: room is checked again between chunks; the cost of a call is spread thin. */
	static final int MAX_CHUNK = 1000;

	private final TaskScheduler scheduler;

	private final Duration tick;

	private final EmissionPlan plan;

	private final Supplier<ClickEvent> events;

	private final ClickEventPublisher publisher;

	private final int maxInFlight;

	private final Counter skippedTicks;

	private final Counter skippedEvents;

	// Held for the whole of a tick, so that stop() can wait for a tick under way before it flushes.
	private final Object tickLock = new Object();

	private volatile @Nullable ScheduledFuture<?> schedule;

	private boolean finishLogged;

	GenerationSchedule(TaskScheduler scheduler, Duration tick, EmissionPlan plan, Supplier<ClickEvent> events,
			ClickEventPublisher publisher, int maxInFlight, MeterRegistry registry) {
		this.scheduler = scheduler;
		this.tick = tick;
		this.plan = plan;
		this.events = events;
		this.publisher = publisher;
		this.maxInFlight = maxInFlight;
		this.skippedTicks = Counter.builder(MetricNames.TICKS_SKIPPED)
			.description("Ticks that sent fewer events than due: too many in flight, or the producer refused them")
			.register(registry);
		this.skippedEvents = Counter.builder(MetricNames.EVENTS_SKIPPED)
			.description("Events never generated because too many were in flight or the producer refused them")
			.register(registry);
	}

	@Override
	public void start() {
		log.info("Generating click events every {} ms to topic {}", this.tick.toMillis(), this.publisher.topic());
		this.schedule = this.scheduler.scheduleAtFixedRate(this::tick, this.tick);
	}

	void tick() {
		synchronized (this.tickLock) {
			if (this.schedule == null) {
				return;
			}
			long due = this.plan.next();
			long unsent = due - send(due);
			this.plan.unsent(unsent);
			if (unsent > 0) {
				this.skippedTicks.increment();
				this.skippedEvents.increment(unsent);
			}
			if (this.plan.finished() && !this.finishLogged) {
				this.finishLogged = true;
				log.info("Reached the limit of {} events; generating no more", this.plan.emitted());
			}
		}
	}

	/**
	 * Sends up to {@code due} events in chunks, each as large as the room left under max-in-flight, so that events
	 * acknowledged during the tick make room for more of its own: at full speed, room taken only at the start of a
	 * tick left the thread idle for the rest of it. Gives up when there is no room, when the producer refuses an
	 * event, or when the schedule is stopped: a tick far above capacity would otherwise hold up the shutdown.
	 * @return how many events were handed to the publisher
	 */
	private long send(long due) {
		long taken = 0;
		while (taken < due && this.schedule != null) {
			long chunk = Math.min(Math.min(due - taken, this.maxInFlight - this.publisher.inFlight()), MAX_CHUNK);
			if (chunk <= 0) {
				break;
			}
			long published = this.publisher.publish(chunk, this.events);
			taken += published;
			if (published < chunk) {
				break;
			}
		}
		return taken;
	}

	@Override
	public void stop() {
		if (stopTicking()) {
			flush();
		}
	}

	// Flushes off the shutdown thread: with the broker away a flush waits up to delivery.timeout.ms, and
	// spring.lifecycle.timeout-per-shutdown-phase must be able to cut that short.
	@Override
	public void stop(Runnable callback) {
		if (!stopTicking()) {
			callback.run();
			return;
		}
		Thread flusher = new Thread(() -> {
			try {
				flush();
			}
			finally {
				callback.run();
			}
		}, "clickstream-flush");
		flusher.setDaemon(true);
		flusher.start();
	}

	private boolean stopTicking() {
		ScheduledFuture<?> current = this.schedule;
		if (current == null) {
			return false;
		}
		// Cleared first, so that a tick under way stops between chunks; then the lock waits for it to end.
		this.schedule = null;
		current.cancel(false);
		synchronized (this.tickLock) {
			return true;
		}
	}

	private void flush() {
		log.info("Stopped generating after {} events; flushing {} still in flight", this.plan.emitted(),
				this.publisher.inFlight());
		this.publisher.flush();
		log.info("Flushed; {} events still unacknowledged", this.publisher.inFlight());
	}

	@Override
	public boolean isRunning() {
		return this.schedule != null;
	}

}
