package dev.clickstream.dashboard;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The pages following the dashboard's stream, each with the topic whose records it tails, if any. An emitter leaves
 * when it completes, times out, fails, or a send to it fails because its page went away.
 */
class DashboardSubscribers {

	private static final Logger logger = LoggerFactory.getLogger(DashboardSubscribers.class);

	/** How long a page waits before it reconnects after the stream ended; the first event of a stream says so. */
	static final long RECONNECT_MILLIS = 2_000;

	/** Which topic's records a page's stream carries: none for a page that tails none. */
	private record Subscription(Optional<String> topic) {
	}

	private final Map<SseEmitter, Subscription> emitters = new ConcurrentHashMap<>();

	private final long timeoutMillis;

	private final int maxClients;

	DashboardSubscribers(DashboardProperties properties) {
		this.timeoutMillis = properties.streamTimeout().toMillis();
		this.maxClients = properties.maxClients();
	}

	/** A new stream, or 503 when {@code clickstream.dashboard.max-clients} streams are open. */
	synchronized SseEmitter subscribe(@Nullable String topic) {
		if (this.emitters.size() >= this.maxClients) {
			ErrorResponseException full = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE);
			full.setDetail("The dashboard already streams to " + this.maxClients
					+ " clients (clickstream.dashboard.max-clients); try again later.");
			throw full;
		}
		SseEmitter emitter = new SseEmitter(this.timeoutMillis);
		add(emitter, topic);
		return emitter;
	}

	void add(SseEmitter emitter, @Nullable String topic) {
		emitter.onCompletion(() -> this.emitters.remove(emitter));
		emitter.onTimeout(() -> {
			this.emitters.remove(emitter);
			emitter.complete();
		});
		emitter.onError(ex -> this.emitters.remove(emitter));
		this.emitters.put(emitter, new Subscription(Optional.ofNullable(topic)));
	}

	int count() {
		return this.emitters.size();
	}

	/** The topics whose records at least one page tails. */
	Set<String> followedTopics() {
		return this.emitters.values()
			.stream()
			.flatMap(subscription -> subscription.topic().stream())
			.collect(Collectors.toUnmodifiableSet());
	}

	/** Sends the event to every page. */
	void broadcast(StreamEvent event) {
		this.emitters.keySet().forEach(emitter -> send(emitter, event));
	}

	/** Sends the event to the pages that tail the topic. */
	void broadcast(String topic, StreamEvent event) {
		this.emitters.forEach((emitter, subscription) -> {
			if (subscription.topic().filter(topic::equals).isPresent()) {
				send(emitter, event);
			}
		});
	}

	/** The topic the page of this stream tails, if it is still open and tails one. */
	Optional<String> topicOf(SseEmitter emitter) {
		Subscription subscription = this.emitters.get(emitter);
		return (subscription != null) ? subscription.topic() : Optional.empty();
	}

	void send(SseEmitter emitter, StreamEvent event) {
		try {
			// The event's bytes as they are, not data of an event that Spring would frame and convert again.
			emitter.send(Set.of(new DataWithMediaType(event.frame(), MediaType.TEXT_EVENT_STREAM)));
		}
		catch (IOException | IllegalStateException ex) {
			// The page went away (the container then completes the emitter), or the emitter already completed.
			this.emitters.remove(emitter);
			logger.debug("Dropped a dashboard stream: {}", ex.toString());
		}
	}

	/** Ends every stream, so that a graceful shutdown does not wait for pages to leave. */
	void completeAll() {
		this.emitters.keySet().forEach(SseEmitter::complete);
		this.emitters.clear();
	}

}
