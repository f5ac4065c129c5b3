package dev.clickstream.dashboard;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The dashboard's figures: as JSON for scripts and tests, and as a stream of server-sent events for the page at
 * {@code /}; and the producer's generator, seen and changed through this service.
 */
@RestController
@RequestMapping("/api/dashboard")
class DashboardController {

	private final DashboardFeed feed;

	private final GeneratorProxy generator;

	DashboardController(DashboardFeed feed, GeneratorProxy generator) {
		this.feed = feed;
		this.generator = generator;
	}

	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	DashboardState dashboard() {
		return this.feed.current();
	}

	@GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stream() {
		return this.feed.subscribe();
	}

	@GetMapping("/generator")
	ResponseEntity<?> generator() {
		return this.generator.status();
	}

	@PatchMapping(path = "/generator", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> changeGenerator(@RequestBody String change) {
		return this.generator.change(change);
	}

}
