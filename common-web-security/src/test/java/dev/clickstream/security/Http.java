package dev.clickstream.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

/** Requests to the test application, with or without HTTP Basic credentials. */
final class Http {

	private final HttpClient client = HttpClient.newHttpClient();

	private final int port;

	Http(int port) {
		this.port = port;
	}

	HttpResponse<String> get(String path, @Nullable String user, @Nullable String password)
			throws IOException, InterruptedException {
		return send("GET", path, user, password);
	}

	HttpResponse<String> patch(String path, @Nullable String user, @Nullable String password)
			throws IOException, InterruptedException {
		return send("PATCH", path, user, password);
	}

	private HttpResponse<String> send(String method, String path, @Nullable String user, @Nullable String password)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString("{}"));
		if (user != null) {
			String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
			request.header("Authorization", "Basic " + token);
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
