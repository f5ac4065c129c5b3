package dev.clickstream.dashboard;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import dev.clickstream.dashboard.DashboardState.Producer;
import dev.clickstream.model.ActuatorMetric;
import dev.clickstream.model.MetricNames;


/**
 * Asks the click-stream producer how many events it produced, through its actuator, and keeps the newest answer. The
 * request is asynchronous with a short timeout: a producer that is away never holds up the dashboard.
 */
class ProducerMeters {

	static final String PRODUCED_PATH = ActuatorMetric.path(MetricNames.EVENTS_PRODUCED);

	private final @Nullable URI uri;

	private final Duration timeout;

	private final JsonMapper jsonMapper;

	private final HttpClient http;

	private final ProducerCredentials credentials;

	private final AtomicReference<Producer> latest = new AtomicReference<>();

	private volatile @Nullable CompletableFuture<?> inFlight;

	ProducerMeters(DashboardProperties properties, ProducerCredentials credentials, JsonMapper jsonMapper) {
		URI base = properties.producerUri();
		this.uri = (base != null) ? base.resolve(base.getPath() + PRODUCED_PATH) : null;
		this.timeout = properties.producerTimeout();
		this.jsonMapper = jsonMapper;
		this.http = HttpClient.newBuilder().connectTimeout(this.timeout).build();
		this.credentials = credentials;
		this.latest.set((this.uri != null) ? new Producer("unknown", null, 0, this.uri.toString(), null)
				: Producer.notConfigured());
	}

	/** The newest answer. */
	Producer latest() {
		return this.latest.get();
	}

	/** Sends a request unless one is still open; its answer replaces {@link #latest()} when it comes. */
	void refresh() {
		URI target = this.uri;
		CompletableFuture<?> previous = this.inFlight;
		if (target == null || (previous != null && !previous.isDone())) {
			return;
		}
		HttpRequest request = this.credentials.authorize(HttpRequest.newBuilder(target))
			.timeout(this.timeout)
			.header("Accept", "application/json")
			.GET()
			.build();
		this.inFlight = this.http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
			.handle((response, failure) -> {
				this.latest.set((failure != null) ? unreachable(target, describe(failure)) : read(target, response));
				return null;
			});
	}

	private Producer read(URI target, HttpResponse<String> response) {
		// A producer that has not registered the meter (one without it at 0 from the start) answers 404.
		if (response.statusCode() == 404) {
			return new Producer("reachable", 0L, System.currentTimeMillis(), target.toString(), null);
		}
		if (response.statusCode() != 200) {
			return unreachable(target, "HTTP " + response.statusCode());
		}
		try {
			OptionalDouble count = this.jsonMapper.readValue(response.body(), ActuatorMetric.class).statistic("COUNT");
			return count.isPresent()
					? new Producer("reachable", (long) count.getAsDouble(), System.currentTimeMillis(), target.toString(),
							null)
					: unreachable(target, "no COUNT in the answer");
		}
		catch (RuntimeException ex) {
			return unreachable(target, "not a metric: " + ex.getMessage());
		}
	}

	private static Producer unreachable(URI target, String error) {
		return new Producer("unreachable", null, System.currentTimeMillis(), target.toString(), error);
	}

	private static String describe(Throwable failure) {
		Throwable cause = (failure.getCause() != null) ? failure.getCause() : failure;
		String message = cause.getMessage();
		return cause.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

}
