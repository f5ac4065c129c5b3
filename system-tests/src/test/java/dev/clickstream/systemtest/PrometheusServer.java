package dev.clickstream.systemtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.clickstream.systemtest.harness.FreePorts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Debian's {@code prometheus} on 127.0.0.1, with a scrape configuration of the test's choosing, asked through its HTTP
 * API as Grafana asks it.
 */
final class PrometheusServer implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final int port = FreePorts.next();

	private final Process process;

	PrometheusServer(String config, Path dir) {
		try {
			Files.createDirectories(dir);
			Path configFile = dir.resolve("prometheus.yml");
			Files.writeString(configFile, config);
			this.process = new ProcessBuilder("prometheus", "--config.file=" + configFile,
					"--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + this.port)
				.redirectErrorStream(true)
				.redirectOutput(dir.resolve("prometheus.log").toFile())
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start prometheus (Debian's package 'prometheus')", ex);
		}
	}

	/** The health of each scrape target, e.g. {@code up}. */
	List<String> targetHealth() {
		return get("/api/v1/targets").path("data")
			.path("activeTargets")
			.valueStream()
			.map(target -> target.path("health").asString())
			.toList();
	}

	/** The series an instant query returns now. */
	List<JsonNode> query(String promql) {
		JsonNode answer = get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
		if (!"success".equals(answer.path("status").asString())) {
			throw new IllegalStateException(promql + ": " + answer);
		}
		return answer.path("data").path("result").valueStream().toList();
	}

	private JsonNode get(String path) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(5))
			.build();
		try {
			return JSON.readTree(this.http.send(request, HttpResponse.BodyHandlers.ofString()).body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("prometheus did not answer " + path, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
	}

}
