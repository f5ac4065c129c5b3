package dev.clickstream.dashboard.topics;

import java.time.Duration;

import org.apache.kafka.common.KafkaException;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import dev.clickstream.dashboard.TopicTail;
import dev.clickstream.dashboard.topics.TopicBrowser.RecordsView;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * The topic browser's newest records for the dashboard's stream: as many as the page shows, read as the browser
 * reads them for {@code /api/topics/{name}/records}, so the stream and the API show the same read.
 */
final class BrowserTail implements TopicTail {

	private final TopicBrowser browser;

	private final Duration interval;

	private final int limit;

	private final ObjectWriter writer;

	BrowserTail(TopicBrowser browser, Duration interval, int limit, JsonMapper jsonMapper) {
		this.browser = browser;
		this.interval = interval;
		this.limit = limit;
		this.writer = jsonMapper.writerFor(RecordsView.class);
	}

	@Override
	public boolean canTail(String topic) {
		return this.browser.find(topic).isPresent();
	}

	@Override
	public Duration interval() {
		return this.interval;
	}

	@Override
	public byte[] newestJson(String topic) {
		try {
			return this.writer.writeValueAsBytes(this.browser.newest(this.browser.find(topic).orElseThrow(), this.limit));
		}
		catch (KafkaException ex) {
			ErrorResponseException unavailable = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE);
			unavailable.setDetail(TopicsController.kafkaDidNotAnswer(ex));
			throw unavailable;
		}
	}

}
