package dev.clickstream.dashboard;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.SmartLifecycle;
import org.springframework.web.ErrorResponse;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Sends the {@link StreamedView}s and the tailed topics' records to every open page, in place of each page's polls:
 * one thread looks at each view at most once per its interval, writes it once, and sends it to every page only when
 * it changed, so that fifty pages cost the service one look and fifty writes of the same bytes, not fifty requests.
 * A page that connects gets the last event of each view at once, and of the topic it tails.
 * <p>
 * A view that cannot be had sends a {@value #PROBLEM_EVENT} event instead, {@code {"view","topic","detail"}}, once
 * per change of the detail. Nothing is looked at while no page is open.
 */
final class StreamedViews implements SmartLifecycle {

	static final String PROBLEM_EVENT = "problem";

	static final String RECORDS_EVENT = "records";

	static final long TICK_MILLIS = 250;

	private static final Logger logger = LoggerFactory.getLogger(StreamedViews.class);

	private final List<StreamedView> views;

	private final TopicTail tail;

	private final DashboardSubscribers subscribers;

	private final ObjectWriter problemWriter;

	private final LongSupplier clock;

	// The rest is touched by the looking thread only.
	private final Map<String, StreamEvent> lastOfView = new LinkedHashMap<>();

	private final Map<String, Long> viewLookedAt = new HashMap<>();

	private final Map<String, StreamEvent> lastOfTopic = new HashMap<>();

	private final Map<String, Long> topicReadAt = new HashMap<>();

	private volatile @Nullable ScheduledExecutorService executor;

	StreamedViews(List<StreamedView> views, TopicTail tail, DashboardSubscribers subscribers, JsonMapper jsonMapper,
			LongSupplier clock) {
		this.views = List.copyOf(views);
		this.tail = tail;
		this.subscribers = subscribers;
		this.problemWriter = jsonMapper.writerFor(Map.class);
		this.clock = clock;
		Set<String> names = new HashSet<>();
		for (StreamedView view : this.views) {
			if (view.name().equals(PROBLEM_EVENT) || view.name().equals(RECORDS_EVENT) || !names.add(view.name())) {
				throw new IllegalStateException("Two streamed views are named " + view.name()
						+ ", or it is the name of the stream's own " + PROBLEM_EVENT + " or " + RECORDS_EVENT
						+ " events: each view needs a name of its own");
			}
		}
	}

	/** Sends the page of this new stream the last event of every view, and of the topic it tails. */
	void welcome(SseEmitter emitter) {
		ScheduledExecutorService current = this.executor;
		if (current != null) {
			// On the looking thread: no event of a view reaches the page twice, or out of order.
			current.execute(() -> sendLastTo(emitter));
		}
	}

	/** Sends the last event of every view, and of the topic the page tails; called on the looking thread. */
	void sendLastTo(SseEmitter emitter) {
		this.lastOfView.values().forEach(event -> this.subscribers.send(emitter, event));
		this.subscribers.topicOf(emitter).map(this.lastOfTopic::get).ifPresent(last -> this.subscribers.send(emitter, last));
	}

	/** Looks at every view and tailed topic that is due, and sends what changed; called on the looking thread. */
	void look() {
		if (this.subscribers.count() == 0) {
			// What a page that connects later gets must be new, not what was last seen before all pages left.
			this.lastOfView.clear();
			this.viewLookedAt.clear();
			this.lastOfTopic.clear();
			this.topicReadAt.clear();
			return;
		}
		long now = this.clock.getAsLong();
		for (StreamedView view : this.views) {
			if (due(this.viewLookedAt, view.name(), view.interval().toMillis(), now)) {
				StreamEvent event = render(view.name(), null, view::json, this.lastOfView.get(view.name()));
				if (!event.equals(this.lastOfView.put(view.name(), event))) {
					this.subscribers.broadcast(event);
				}
			}
		}
		Set<String> followed = this.subscribers.followedTopics();
		this.lastOfTopic.keySet().retainAll(followed);
		this.topicReadAt.keySet().retainAll(followed);
		for (String topic : followed) {
			if (due(this.topicReadAt, topic, this.tail.interval().toMillis(), now)) {
				StreamEvent event = render(RECORDS_EVENT, topic, () -> this.tail.newestJson(topic),
						this.lastOfTopic.get(topic));
				if (!event.equals(this.lastOfTopic.put(topic, event))) {
					this.subscribers.broadcast(topic, event);
				}
			}
		}
	}

	private static boolean due(Map<String, Long> lookedAt, String key, long intervalMillis, long now) {
		Long last = lookedAt.get(key);
		if (last != null && now - last < intervalMillis) {
			return false;
		}
		lookedAt.put(key, now);
		return true;
	}

	/** The view's event, or its problem's; a problem is logged when it is not the one sent last. */
	private StreamEvent render(String name, @Nullable String topic, Supplier<byte[]> json, @Nullable StreamEvent last) {
		try {
			return StreamEvent.of(name, json.get());
		}
		catch (RuntimeException ex) {
			String detail = detail(ex);
			Map<String, String> problem = new LinkedHashMap<>();
			problem.put("view", name);
			if (topic != null) {
				problem.put("topic", topic);
			}
			problem.put("detail", detail);
			StreamEvent event = StreamEvent.of(PROBLEM_EVENT, this.problemWriter.writeValueAsBytes(problem));
			if (event.equals(last)) {
				return event;
			}
			// A state the page shows (still loading, Kafka away) is no error of this service; anything else is.
			if (ex instanceof ErrorResponse) {
				logger.debug("The dashboard's {} cannot be had now: {}", describe(name, topic), detail);
			}
			else {
				logger.warn("The dashboard's {} failed: {}", describe(name, topic), ex.toString(), ex);
			}
			return event;
		}
	}

	private static String describe(String name, @Nullable String topic) {
		return (topic != null) ? name + " of " + topic : name;
	}

	/** What the page shows: a problem's own detail, else the exception's message. */
	static String detail(RuntimeException ex) {
		if (ex instanceof ErrorResponse response && response.getBody().getDetail() != null) {
			return response.getBody().getDetail();
		}
		return (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
	}

	@Override
	public void start() {
		ScheduledExecutorService started = DashboardThreads.scheduler("dashboard-views");
		started.scheduleWithFixedDelay(() -> {
			// A scheduled task that throws is never run again: log and carry on.
			try {
				look();
			}
			catch (RuntimeException ex) {
				logger.warn("Sending the dashboard's views failed: {}", ex.toString(), ex);
			}
		}, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
		this.executor = started;
	}

	@Override
	public void stop() {
		ScheduledExecutorService current = this.executor;
		this.executor = null;
		if (current != null) {
			current.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

}
