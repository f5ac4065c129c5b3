package dev.clickstream.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Open dashboards, each asking the listener what the page asks: the browsable topics once, then one server-sent event
 * stream tailing the event topic, which carries every figure the page shows and is reopened when it ends, as a
 * browser's {@code EventSource} does. They read every event whole and count it; they draw nothing, so what they cost
 * the machine is what serving them costs, not what a browser costs.
 */
final class DashboardClients implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(DashboardClients.class);

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

	private static final long STREAM_RETRY_MILLIS = 2_000;

	private final URI base;

	private final HttpClient http;

	private final List<Thread> streams = new ArrayList<>();

	private final AtomicLong answered = new AtomicLong();

	private final AtomicLong failed = new AtomicLong();

	private final AtomicLong streamEvents = new AtomicLong();

	private final Map<Integer, Long> statuses = new ConcurrentSkipListMap<>();

	private volatile boolean open = true;

	private DashboardClients(URI base, String eventTopic, int count) {
		this.base = base;
		this.http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
		URI stream = this.base
			.resolve("api/dashboard/stream?topic=" + URLEncoder.encode(eventTopic, StandardCharsets.UTF_8));
		for (int client = 0; client < count; client++) {
			Thread page = new Thread(() -> {
				get(this.base.resolve("api/topics"));
				follow(stream);
			}, "dashboard-" + client);
			page.setDaemon(true);
			this.streams.add(page);
			page.start();
		}
	}

	/** {@code count} dashboards on the listener at {@code baseUrl}, browsing the topic {@code eventTopic}. */
	static DashboardClients open(String baseUrl, String eventTopic, int count) {
		log.info("opening {} dashboards on {}", count, baseUrl);
		return new DashboardClients(URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/"), eventTopic, count);
	}

	/**
	 * Answers (streams opened among them), answers that were not 2xx by status, requests that failed once the listener had answered
	 * (timed out, cut off), and stream events, so far.
	 */
	String summary() {
		return String.format("%d answers, not 2xx %s, %d failed requests, %d stream events", this.answered.get(),
				this.statuses, this.failed.get(), this.streamEvents.get());
	}

	private void get(URI uri) {
		HttpRequest request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).header("Accept", "application/json")
			.build();
		this.http.sendAsync(request, BodyHandlers.discarding()).whenComplete((response, failure) -> {
			if (failure == null && response.statusCode() / 100 == 2) {
				this.answered.incrementAndGet();
			}
			else if (failure == null) {
				this.statuses.merge(response.statusCode(), 1L, Long::sum);
			}
			// Refused while the listener starts, as a browser's would be; a failure after that is one.
			else if (this.open && this.answered.get() > 0) {
				this.failed.incrementAndGet();
			}
		});
	}

	/** One {@code EventSource}: reads the stream to its end, then opens it again. */
	private void follow(URI stream) {
		HttpRequest request = HttpRequest.newBuilder(stream)
			.header("Accept", "text/event-stream")
			.build();
		while (this.open) {
			try {
				HttpResponse<InputStream> response = this.http.send(request, BodyHandlers.ofInputStream());
				try (InputStream body = response.body()) {
					if (response.statusCode() != 200) {
						this.statuses.merge(response.statusCode(), 1L, Long::sum);
					}
					else {
						this.answered.incrementAndGet();
						readEvents(body);
					}
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (IOException ex) {
				if (this.open && this.answered.get() > 0) {
					this.failed.incrementAndGet();
				}
			}
			try {
				TimeUnit.MILLISECONDS.sleep(STREAM_RETRY_MILLIS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private void readEvents(InputStream body) throws IOException {
		byte[] buffer = new byte[8192];
		int read;
		byte previous = 0;
		while (this.open && (read = body.read(buffer)) >= 0) {
			for (int i = 0; i < read; i++) {
				// An event ends with an empty line.
				if (buffer[i] == '\n' && previous == '\n') {
					this.streamEvents.incrementAndGet();
				}
				previous = buffer[i];
			}
		}
	}

	/** Stops every page; a stream in the middle of a read ends when the listener stops. */
	@Override
	public void close() {
		this.open = false;
		this.streams.forEach(Thread::interrupt);
		log.info("closed the dashboards: {}", summary());
	}

}
