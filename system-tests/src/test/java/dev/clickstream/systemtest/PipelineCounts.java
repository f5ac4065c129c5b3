package dev.clickstream.systemtest;

import java.util.Map;
import java.util.TreeMap;

import dev.clickstream.systemtest.harness.TopicReader;
import dev.clickstream.systemtest.harness.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.json.JsonMapper;

/** The truth a snapshot is checked against: what is on the event topic, counted by an independent reader. */
final class PipelineCounts {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private PipelineCounts() {
	}

	/** How many records of each event name the event topic holds; all must be click events. */
	static Map<String, Long> eventNamesOnTheEventTopic(String bootstrapServers) {
		Map<String, Long> counts = new TreeMap<>();
		for (ConsumerRecord<String, String> record : TopicReader.readAll(bootstrapServers, Topics.EVENTS)) {
			counts.merge(JSON.readTree(record.value()).path("eventName").asString(), 1L, Long::sum);
		}
		return counts;
	}

}
