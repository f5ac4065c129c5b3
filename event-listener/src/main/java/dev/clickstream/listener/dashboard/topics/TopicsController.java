package dev.clickstream.listener.dashboard.topics;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The topics, read on the server, never by the browser from Kafka: {@code GET /api/topics/rates}, every pipeline
 * topic's rate and every consumer group's rate and lag, as a {@link RatesView}.
 */
@RestController
@RequestMapping("/api/topics")
class TopicsController {

	private final TopicRates rates;

	TopicsController(TopicRates rates) {
		this.rates = rates;
	}

	@GetMapping("/rates")
	RatesView rates() {
		return this.rates.view();
	}

}
