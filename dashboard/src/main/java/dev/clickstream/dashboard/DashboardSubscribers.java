package dev.clickstream.dashboard;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The browsers following the dashboard's stream. An emitter leaves the set when it completes, times out, fails, or a
 * send to it fails because its browser went away.
 */
class DashboardSubscribers {

	private static final Logger logger = LoggerFactory.getLogger(DashboardSubscribers.class);

	// How long a browser waits before it reconnects after the stream ended.
	private static final long RECONNECT_MILLIS = 2_000;

	// The first event of every stream; it also tells the browser how long to wait before reconnecting.
	static final String FIRST_EVENT = "history";

	private final Set<SseEmitter> emitters = ConcurrentHashMap.newKeySet();

	private final long timeoutMillis;

	private final int maxClients;

	DashboardSubscribers(DashboardProperties properties) {
		this.timeoutMillis = properties.streamTimeout().toMillis();
		this.maxClients = properties.maxClients();
	}

	/** A new stream, or 503 when {@code clickstream.dashboard.max-clients} streams are open. */
	synchronized SseEmitter subscribe() {
		if (this.emitters.size() >= this.maxClients) {
			ErrorResponseException full = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE);
			full.setDetail("The dashboard already streams to " + this.maxClients
					+ " clients (clickstream.dashboard.max-clients); try again later.");
			throw full;
		}
		SseEmitter emitter = new SseEmitter(this.timeoutMillis);
		add(emitter);
		return emitter;
	}

	void add(SseEmitter emitter) {
		emitter.onCompletion(() -> this.emitters.remove(emitter));
		emitter.onTimeout(() -> {
			this.emitters.remove(emitter);
			emitter.complete();
		});
		emitter.onError(ex -> this.emitters.remove(emitter));
		this.emitters.add(emitter);
	}

	int count() {
		return this.emitters.size();
	}

	/** Sends one event to every subscriber: the JSON is written once, whatever the number of browsers. */
	void broadcast(String name, String json) {
		this.emitters.forEach(emitter -> send(emitter, name, json));
	}

	void send(SseEmitter emitter, String name, String json) {
		SseEmitter.SseEventBuilder event = SseEmitter.event().name(name).data(json, MediaType.APPLICATION_JSON);
		try {
			emitter.send(name.equals(FIRST_EVENT) ? event.reconnectTime(RECONNECT_MILLIS) : event);
		}
		catch (IOException | IllegalStateException ex) {
			// The browser went away (the container then completes the emitter), or the emitter already completed.
			this.emitters.remove(emitter);
			logger.debug("Dropped a dashboard stream: {}", ex.toString());
		}
	}

	/** Ends every stream, so that a graceful shutdown does not wait for browsers to leave. */
	void completeAll() {
		this.emitters.forEach(SseEmitter::complete);
		this.emitters.clear();
	}

}
