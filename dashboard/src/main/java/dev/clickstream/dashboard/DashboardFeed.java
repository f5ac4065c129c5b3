package dev.clickstream.dashboard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import dev.clickstream.model.CountsSnapshot;

import org.springframework.context.SmartLifecycle;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One thread for the whole dashboard, however many browsers follow it: it looks at the newest snapshot every
 * {@value #LOOK_MILLIS} ms, adds a point to the rate history when the totals changed, and then, or at least every
 * {@code clickstream.dashboard.refresh}, sends the figures to every browser as one server-sent event.
 */
class DashboardFeed implements SmartLifecycle {

	static final long LOOK_MILLIS = 100;

	/** The first event of every stream: the figures and the whole rate history. */
	static final String HISTORY_EVENT = "history";

	/** Every later one: the figures and the points added since. */
	static final String STATE_EVENT = "state";

	// A rate spans at least two snapshots at the default interval, which evens out when each one arrived.
	private static final long RATE_WINDOW_MILLIS = 2_000;

	private static final long POINT_SPACING_MILLIS = 500;

	private static final Logger logger = LoggerFactory.getLogger(DashboardFeed.class);

	private final DashboardSource source;

	private final ListenerMeters listenerMeters;

	private final ProducerMeters producerMeters;

	private final DashboardSubscribers subscribers;

	private final DashboardProperties properties;

	private final List<String> eventNames;

	private final ObjectWriter writer;

	private final RateHistory history;

	private final CounterRate snapshotsRate = new CounterRate(5_000);

	private final List<RateHistory.Point> unsent = new ArrayList<>();

	private volatile double snapshotsPerSecond;

	private long lastSent;

	private volatile @Nullable ScheduledExecutorService executor;

	DashboardFeed(DashboardSource source, ListenerMeters listenerMeters, ProducerMeters producerMeters,
			DashboardSubscribers subscribers, DashboardProperties properties, JsonMapper jsonMapper) {
		this.source = source;
		this.listenerMeters = listenerMeters;
		this.producerMeters = producerMeters;
		this.subscribers = subscribers;
		this.properties = properties;
		this.eventNames = List.copyOf(source.eventNames());
		this.writer = jsonMapper.writerFor(DashboardState.class);
		this.history = new RateHistory(properties.history().toMillis(), RATE_WINDOW_MILLIS, POINT_SPACING_MILLIS,
				properties.idleAfter().toMillis());
	}

	/** The figures now, with the whole rate history. */
	DashboardState current() {
		return state(System.currentTimeMillis(), this.history.points());
	}

	/** Starts the new stream with the whole history; it then gets every new point and the figures with it. */
	void welcome(SseEmitter emitter) {
		ScheduledExecutorService current = this.executor;
		if (current != null) {
			// On the feed's thread, so the history and the points after it arrive in order, none twice or missed.
			current.execute(() -> this.subscribers.send(emitter,
					StreamEvent.of(HISTORY_EVENT, json(current()), DashboardSubscribers.RECONNECT_MILLIS)));
		}
		else {
			emitter.complete();
		}
	}

	@Override
	public void start() {
		ScheduledExecutorService started = DashboardThreads.scheduler("dashboard-feed");
		started.scheduleWithFixedDelay(this::look, 0, LOOK_MILLIS, TimeUnit.MILLISECONDS);
		started.scheduleWithFixedDelay(this.producerMeters::refresh, 0, this.properties.producerPollInterval().toMillis(),
				TimeUnit.MILLISECONDS);
		this.executor = started;
	}

	private void look() {
		// A scheduled task that throws is never run again: log and carry on.
		try {
			long now = System.currentTimeMillis();
			Optional<CountsSnapshot> snapshot = this.source.latestSnapshot();
			RateHistory.Point point = snapshot.map(newest -> this.history.observe(now, newest.counts())).orElse(null);
			if (point != null) {
				this.unsent.add(point);
			}
			if (point == null && now - this.lastSent < this.properties.refresh().toMillis()) {
				return;
			}
			this.lastSent = now;
			this.snapshotsPerSecond = this.snapshotsRate.update(now, this.listenerMeters.snapshotsPublished());
			List<RateHistory.Point> points = List.copyOf(this.unsent);
			this.unsent.clear();
			if (this.subscribers.count() > 0) {
				this.subscribers.broadcast(StreamEvent.of(STATE_EVENT, json(state(now, points))));
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Dashboard update failed: {}", ex.toString(), ex);
		}
	}

	private DashboardState state(long now, List<RateHistory.Point> points) {
		Optional<CountsSnapshot> snapshot = this.source.latestSnapshot();
		Map<String, Long> totals = new LinkedHashMap<>();
		this.eventNames.forEach(name -> totals.put(name, 0L));
		snapshot.ifPresent(newest -> totals.putAll(newest.counts()));
		RateHistory.Point newest = this.history.newest();
		return new DashboardState(now, this.source.snapshotsLoaded(), totals,
				totals.values().stream().mapToLong(Long::longValue).sum(), snapshot.map(CountsSnapshot::receiveAt).orElse(null),
				(newest != null) ? Math.round(newest.total() * 10) / 10.0 : 0.0, this.snapshotsPerSecond,
				this.listenerMeters.lag(), this.listenerMeters.deadLettered(), this.producerMeters.latest(),
				this.listenerMeters.latency(), points);
	}

	private byte[] json(DashboardState state) {
		return this.writer.writeValueAsBytes(state);
	}

	@Override
	public void stop() {
		ScheduledExecutorService current = this.executor;
		this.executor = null;
		if (current != null) {
			current.shutdownNow();
		}
		this.subscribers.completeAll();
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

}
