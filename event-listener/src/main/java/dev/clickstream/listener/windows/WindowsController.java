package dev.clickstream.listener.windows;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import dev.clickstream.model.SeedTime;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The retained windows with their counts, final flag and conversion, as the window results topic has them.
 * {@code GET /api/windows} gives the newest {@code limit} (default 60), or those starting from {@code from} to
 * {@code to}; {@code GET /api/windows/{start}} one window. Times in the seed's format or ISO-8601.
 */
@RestController
@RequestMapping("/api/windows")
@ConditionalOnProperty(prefix = "clickstream.windows", name = "enabled", havingValue = "true", matchIfMissing = true)
class WindowsController {

	static final int MAX_LIMIT = 10_000;

	private final WindowResults results;

	private final ObjectWriter writer;

	private volatile @Nullable NewestJson newest;

	WindowsController(WindowResults results, JsonMapper jsonMapper) {
		this.results = results;
		this.writer = jsonMapper.writerFor(new TypeReference<List<WindowView>>() {
		});
	}

	@GetMapping
	ResponseEntity<?> windows(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @RequestParam(defaultValue = "60") int limit) {
		requireLoaded();
		if (limit < 1 || limit > MAX_LIMIT) {
			throw badRequest("limit must be from 1 to " + MAX_LIMIT + ", was " + limit);
		}
		if (from == null && to == null) {
			return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(newestJson(limit));
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(between(from, to, limit));
	}

	/**
	 * Every open dashboard asks for the newest windows every few seconds, and they change about once a second: the
	 * answer is written once per change of the windows and limit, and the same bytes go to every asker until then.
	 */
	private byte[] newestJson(int limit) {
		NewestJson cached = this.newest;
		// Read before the windows: a change while they are written leaves the next request to write them again.
		long version = this.results.version();
		if (cached == null || cached.version() != version || cached.limit() != limit) {
			List<WindowView> views = this.results.newest(limit).stream().map(WindowView::of).toList();
			cached = new NewestJson(version, limit, this.writer.writeValueAsBytes(views));
			this.newest = cached;
		}
		return cached.json();
	}

	private List<WindowView> between(@Nullable String from, @Nullable String to, int limit) {
		Instant start = (from != null) ? instant("from", from) : Instant.MIN;
		Instant end = (to != null) ? instant("to", to) : Instant.MAX;
		if (end.isBefore(start)) {
			throw badRequest("to (" + to + ") is before from (" + from + ")");
		}
		List<WindowView> between = this.results.between(start, end).stream().map(WindowView::of).toList();
		return between.subList(Math.max(0, between.size() - limit), between.size());
	}

	private record NewestJson(long version, int limit, byte[] json) {
	}

	@GetMapping("/{start}")
	WindowView window(@PathVariable String start) {
		requireLoaded();
		Instant windowStart = instant("start", start);
		return this.results.window(windowStart).map(WindowView::of).orElseThrow(() -> {
			ErrorResponseException notFound = new ErrorResponseException(HttpStatus.NOT_FOUND);
			notFound.setDetail("No window starts at " + SeedTime.format(windowStart)
					+ " among the retained ones; GET /api/windows lists them.");
			return notFound;
		});
	}

	private void requireLoaded() {
		if (!this.results.isLoaded()) {
			ErrorResponseException notYet = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE);
			notYet.setDetail("The windows are still being read from Kafka; try again in a moment.");
			throw notYet;
		}
	}

	private static Instant instant(String parameter, String text) {
		try {
			return SeedTime.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw badRequest(parameter + " must be a UTC time such as 2026-01-01T00:01:00UTC, was " + text);
		}
	}

	private static ErrorResponseException badRequest(String detail) {
		ErrorResponseException bad = new ErrorResponseException(HttpStatus.BAD_REQUEST);
		bad.setDetail(detail);
		return bad;
	}

}
