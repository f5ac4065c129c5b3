package dev.clickstream.listener.web;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.clickstream.listener.EventListenerProperties;
import dev.clickstream.listener.snapshot.LatestSnapshot;
import dev.clickstream.model.CountsSnapshot;
import dev.clickstream.model.SeedTime;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The current totals, as the newest committed snapshot on the snapshot topic has them.
 */
@RestController
class CountsController {

	private final LatestSnapshot latestSnapshot;

	private final EventListenerProperties properties;

	CountsController(LatestSnapshot latestSnapshot, EventListenerProperties properties) {
		this.latestSnapshot = latestSnapshot;
		this.properties = properties;
	}

	@GetMapping("/api/counts")
	CountsSnapshot counts() {
		if (!this.latestSnapshot.isLoaded()) {
			ErrorResponseException notYet = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE);
			notYet.setDetail("The totals are still being read from Kafka; try again in a moment.");
			throw notYet;
		}
		return this.latestSnapshot.current().orElseGet(this::nothingCounted);
	}

	private CountsSnapshot nothingCounted() {
		Map<String, Long> zeros = new LinkedHashMap<>();
		this.properties.counting().eventNames().forEach(eventName -> zeros.put(eventName, 0L));
		return new CountsSnapshot(zeros, SeedTime.now());
	}

}
