package dev.clickstream.dashboard;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
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

	private final StreamedViews views;

	private final DashboardSubscribers subscribers;

	private final TopicTail tail;

	private final GeneratorProxy generator;

	DashboardController(DashboardFeed feed, StreamedViews views, DashboardSubscribers subscribers, TopicTail tail,
			GeneratorProxy generator) {
		this.feed = feed;
		this.views = views;
		this.subscribers = subscribers;
		this.tail = tail;
		this.generator = generator;
	}

	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	DashboardState dashboard() {
		return this.feed.current();
	}

	/**
	 * Everything the page shows, pushed as it changes: the figures and their history, the views, and, with
	 * {@code topic}, that topic's newest records.
	 */
	@GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stream(@RequestParam(required = false) @Nullable String topic) {
		if (topic != null && !this.tail.canTail(topic)) {
			ErrorResponseException notFound = new ErrorResponseException(HttpStatus.NOT_FOUND);
			notFound.setDetail(topic + " is not a topic the browser shows; GET /api/topics lists those it does.");
			throw notFound;
		}
		SseEmitter emitter = this.subscribers.subscribe(topic);
		this.feed.welcome(emitter);
		this.views.welcome(emitter);
		return emitter;
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
