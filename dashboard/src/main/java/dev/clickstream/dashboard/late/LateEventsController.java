package dev.clickstream.dashboard.late;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/topics/late}: late events per window they missed, as a {@link LateView}. Answered from memory,
 * whether or not Kafka answers: fifty dashboards polling it read nothing more from Kafka.
 */
@RestController
class LateEventsController {

	private final LateCounts counts;

	LateEventsController(LateCounts counts) {
		this.counts = counts;
	}

	@GetMapping("/api/topics/late")
	LateView late() {
		return this.counts.view();
	}

}
