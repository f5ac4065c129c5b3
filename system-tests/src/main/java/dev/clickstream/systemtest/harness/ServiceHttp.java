package dev.clickstream.systemtest.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.clickstream.model.ActuatorMetric;

/** The HTTP side of a service on 127.0.0.1: its API, its health and its meters. */
public final class ServiceHttp {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final int port;

	private final @Nullable Credentials credentials;

	public ServiceHttp(int port) {
		this(port, null);
	}

	/** @param credentials the user every request logs in as (HTTP Basic), or null to ask anonymously */
	public ServiceHttp(int port, @Nullable Credentials credentials) {
		this.port = port;
		this.credentials = credentials;
	}

	/** The same service, asked as another user, or anonymously with null. */
	public ServiceHttp as(@Nullable Credentials other) {
		return new ServiceHttp(port, other);
	}

	/** A user of a service's HTTP side. */
	public record Credentials(String username, String password) {

		String basicAuthorization() {
			return "Basic " + Base64.getEncoder()
				.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
		}

	}

	public URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	/**
	 * GET of a path, e.g. {@code /api/counts}.
	 * @throws UncheckedIOException if no answer came: nothing listens on the port (yet), or not within 5 s
	 */
	public HttpResponse<String> get(String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(5)).GET();
		return send(request, "GET", path);
	}

	/** PATCH of a path with a JSON body, e.g. {@code /api/generator}; see {@link #get(String)}. */
	public HttpResponse<String> patchJson(String path, String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.timeout(Duration.ofSeconds(5))
			.header("Content-Type", "application/json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString(json));
		return send(request, "PATCH", path);
	}

	private HttpResponse<String> send(HttpRequest.Builder builder, String method, String path) {
		if (credentials != null) {
			builder.header("Authorization", credentials.basicAuthorization());
		}
		HttpRequest request = builder.build();
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(method + " " + uri(path) + " failed: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted: " + method + " " + uri(path), ex);
		}
	}

	/** GET of a path whose body is JSON; anything but 200 fails. */
	public JsonNode getJson(String path) {
		return JSON.readTree(okBody(path, get(path)));
	}

	/**
	 * A counter's count from {@code /actuator/metrics/<name>}, summed over its tags. A meter that was never
	 * registered is not in the registry, which actuator answers with 404; for a counter that means nothing was
	 * counted yet (a tagged counter registers at its first increment), so it reads as 0.
	 */
	public double count(String meter) {
		String path = ActuatorMetric.path(meter);
		HttpResponse<String> response = get(path);
		if (response.statusCode() == 404) {
			return 0;
		}
		ActuatorMetric metric = JSON.readValue(okBody(path, response), ActuatorMetric.class);
		return metric.statistic("COUNT")
			.orElseThrow(() -> new IllegalStateException(meter + " is no counter: " + metric.measurements()));
	}

	/** Whether {@code /actuator/health} answers UP; false if it answers anything else or nothing. */
	public boolean isUp() {
		try {
			HttpResponse<String> response = get("/actuator/health");
			return response.statusCode() == 200
					&& "UP".equals(JSON.readTree(response.body()).path("status").asString(""));
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private String okBody(String path, HttpResponse<String> response) {
		if (response.statusCode() != 200) {
			throw new IllegalStateException("GET " + uri(path) + " answered " + response.statusCode() + ": "
					+ response.body());
		}
		return response.body();
	}

}
