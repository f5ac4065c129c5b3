package dev.clickstream.listener.dashboard;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The dashboard's figures: as JSON for scripts and tests, and as a stream of server-sent events for the page at
 * {@code /}.
 */
@RestController
@RequestMapping("/api/dashboard")
class DashboardController {

	private final DashboardFeed feed;

	DashboardController(DashboardFeed feed) {
		this.feed = feed;
	}

	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	DashboardState dashboard() {
		return this.feed.current();
	}

	@GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stream() {
		return this.feed.subscribe();
	}

}
