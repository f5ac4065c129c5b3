package dev.clickstream.listener.windows;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.jspecify.annotations.Nullable;

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

	private final NewestWindows newest;

	WindowsController(WindowResults results, NewestWindows newest) {
		this.results = results;
		this.newest = newest;
	}

	@GetMapping
	ResponseEntity<?> windows(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @RequestParam(defaultValue = "60") int limit) {
		requireLoaded();
		if (limit < 1 || limit > MAX_LIMIT) {
			throw badRequest("limit must be from 1 to " + MAX_LIMIT + ", was " + limit);
		}
		if (from == null && to == null) {
			return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(this.newest.json(limit));
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(between(from, to, limit));
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
		NewestWindows.requireLoaded(this.results);
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
