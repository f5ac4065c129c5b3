package dev.clickstream.dashboard;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;

/**
 * Passes the page's requests for the generator's status and changes on to the producer's {@code /api/generator}:
 * the page talks to the listener alone, and the producer need not be reachable from the browser. The producer's
 * answer, a bad request's problem detail among them, goes back as it came; a producer that does not answer gives 503.
 */
class GeneratorProxy {

	static final String GENERATOR_PATH = "/api/generator";

	static final long STATUS_CACHE_MILLIS = 1_000;

	private final @Nullable URI uri;

	private final Duration timeout;

	private final HttpClient http;

	private final ProducerCredentials credentials;

	private final AtomicLong changes = new AtomicLong();

	private volatile @Nullable Answer lastStatus;

	GeneratorProxy(DashboardProperties properties, ProducerCredentials credentials) {
		URI base = properties.producerUri();
		this.uri = (base != null) ? base.resolve(base.getPath() + GENERATOR_PATH) : null;
		this.timeout = properties.producerTimeout();
		this.http = HttpClient.newBuilder().connectTimeout(this.timeout).build();
		this.credentials = credentials;
	}

	/**
	 * The producer's answer of at most {@value #STATUS_CACHE_MILLIS} ms ago: every open dashboard asks every 2 s,
	 * and one request a second to the producer answers them all.
	 */
	ResponseEntity<?> status() {
		long now = System.nanoTime();
		Answer last = this.lastStatus;
		if (last != null && now - last.atNanos() < TimeUnit.MILLISECONDS.toNanos(STATUS_CACHE_MILLIS)) {
			return last.response();
		}
		long generation = this.changes.get();
		ResponseEntity<?> response = forward(HttpRequest.BodyPublishers.noBody(), "GET");
		// An answer that a change overtook is not kept: it would show the generator as it was before the change.
		if (this.changes.get() == generation) {
			this.lastStatus = new Answer(now, response);
		}
		return response;
	}

	/** The producer's status as its JSON, for the dashboard's stream; a producer that answers no status throws. */
	byte[] statusJson() {
		ResponseEntity<?> status = status();
		if (status.getStatusCode().is2xxSuccessful() && status.getBody() instanceof String body) {
			return body.getBytes(StandardCharsets.UTF_8);
		}
		ErrorResponseException unreachable = new ErrorResponseException(status.getStatusCode());
		unreachable.setDetail((status.getBody() instanceof ProblemDetail problem && problem.getDetail() != null)
				? problem.getDetail() : "The producer answered HTTP " + status.getStatusCode().value());
		throw unreachable;
	}

	ResponseEntity<?> change(String body) {
		this.changes.incrementAndGet();
		this.lastStatus = null;
		ResponseEntity<?> response = forward(HttpRequest.BodyPublishers.ofString(body), "PATCH");
		this.changes.incrementAndGet();
		this.lastStatus = null;
		return response;
	}

	private ResponseEntity<?> forward(HttpRequest.BodyPublisher body, String method) {
		URI target = this.uri;
		if (target == null) {
			return unavailable("The producer is not configured: clickstream.dashboard.producer-url is empty");
		}
		HttpRequest request = this.credentials.authorize(HttpRequest.newBuilder(target))
			.timeout(this.timeout)
			.header("Accept", "application/json, application/problem+json")
			.header("Content-Type", MediaType.APPLICATION_JSON_VALUE)
			.method(method, body)
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			String contentType = response.headers().firstValue("Content-Type").orElse(MediaType.APPLICATION_JSON_VALUE);
			return ResponseEntity.status(response.statusCode())
				.contentType(MediaType.parseMediaType(contentType))
				.body(response.body());
		}
		catch (IOException ex) {
			return unavailable("The producer at " + target + " did not answer: " + ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return unavailable("Interrupted while asking the producer at " + target);
		}
	}

	private record Answer(long atNanos, ResponseEntity<?> response) {
	}

	private static ResponseEntity<ProblemDetail> unavailable(String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
		problem.setTitle("Generator unreachable");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(problem);
	}

}
