package dev.clickstream.dashboard.topics;

import java.util.List;

import org.apache.kafka.common.KafkaException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.clickstream.dashboard.DashboardProperties;
import dev.clickstream.dashboard.topics.BrowsableTopics.BrowsableTopic;
import dev.clickstream.dashboard.topics.TopicBrowser.RecordsView;
import dev.clickstream.dashboard.topics.TopicBrowser.TopicView;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The topics, read on the server, never by the browser from Kafka.
 * <ul>
 * <li>{@code GET /api/topics}: the topics that may be browsed, {@code [{"name","role","partitions"}]};</li>
 * <li>{@code GET /api/topics/{name}/records?limit=20}: a topic's newest records, values cut, as a
 * {@link RecordsView};</li>
 * <li>{@code GET /api/topics/{name}/records/{partition}/{offset}}: one record whole, as a {@link TopicRecord};</li>
 * <li>{@code GET /api/topics/rates}: every pipeline topic's rate and every consumer group's rate and lag, as a
 * {@link RatesView}.</li>
 * </ul>
 * A topic that is not browsable, or a record that is not there, is 404; a bad limit, partition or offset 400; Kafka
 * not answering in time 503; all as problem details.
 */
@RestController
@RequestMapping("/api/topics")
class TopicsController {

	static final int DEFAULT_LIMIT = 20;

	/** How many records a request that names no limit gets, and the page shows. */
	static int defaultLimit(int maxRecords) {
		return Math.min(DEFAULT_LIMIT, maxRecords);
	}

	private static final Logger logger = LoggerFactory.getLogger(TopicsController.class);

	private final TopicBrowser browser;

	private final TopicRates rates;

	private final int maxRecords;

	TopicsController(TopicBrowser browser, TopicRates rates, DashboardProperties properties) {
		this.browser = browser;
		this.rates = rates;
		this.maxRecords = properties.browser().maxRecords();
	}

	@GetMapping
	List<TopicView> topics() {
		return this.browser.topics();
	}

	@GetMapping("/rates")
	RatesView rates() {
		return this.rates.view();
	}

	@GetMapping("/{name}/records")
	RecordsView records(@PathVariable String name, @RequestParam(required = false) @Nullable Integer limit) {
		BrowsableTopic topic = browsable(name);
		int count = (limit != null) ? limit : defaultLimit(this.maxRecords);
		if (count < 1 || count > this.maxRecords) {
			throw problem(HttpStatus.BAD_REQUEST, "limit must be from 1 to " + this.maxRecords
					+ " (clickstream.dashboard.browser.max-records), was " + count);
		}
		return this.browser.newest(topic, count);
	}

	@GetMapping("/{name}/records/{partition}/{offset}")
	TopicRecord record(@PathVariable String name, @PathVariable int partition, @PathVariable long offset) {
		BrowsableTopic topic = browsable(name);
		if (partition < 0 || offset < 0) {
			throw problem(HttpStatus.BAD_REQUEST,
					"partition and offset must be 0 or more, were " + partition + " and " + offset);
		}
		return this.browser.record(topic, partition, offset)
			.orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "No record of " + name + " at partition " + partition
					+ ", offset " + offset + " that a read_committed reader sees: the partition or the offset does "
					+ "not exist, the record was deleted (retention, compaction) or aborted, or the offset holds a "
					+ "transaction marker."));
	}

	@ExceptionHandler(KafkaException.class)
	ProblemDetail kafkaUnavailable(KafkaException ex) {
		// The broker away is a state the page shows, not an error of this service: no stack trace.
		logger.debug("Reading a topic for the browser failed: {}", ex.toString());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, kafkaDidNotAnswer(ex));
		problem.setTitle("Kafka unavailable");
		return problem;
	}

	static String kafkaDidNotAnswer(KafkaException ex) {
		return "Kafka did not answer: " + ex.getClass().getSimpleName()
				+ ((ex.getMessage() != null) ? ": " + ex.getMessage() : "");
	}

	private BrowsableTopic browsable(String name) {
		return this.browser.find(name)
			.orElseThrow(() -> problem(HttpStatus.NOT_FOUND,
					name + " is not a topic the browser shows; GET /api/topics lists those it does."));
	}

	private static ErrorResponseException problem(HttpStatus status, String detail) {
		ErrorResponseException problem = new ErrorResponseException(status);
		problem.setDetail(detail);
		return problem;
	}

}
