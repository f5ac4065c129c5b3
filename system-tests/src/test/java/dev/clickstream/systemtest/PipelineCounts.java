package dev.clickstream.systemtest;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.clickstream.systemtest.harness.TopicReader;
import dev.clickstream.systemtest.harness.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The truth a snapshot is checked against: what is on the event topic, counted by an independent reader. */
final class PipelineCounts {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private PipelineCounts() {
	}

	/** How many records of each event name the event topic holds; all must be click events. */
	static Map<String, Long> eventNamesOnTheEventTopic(String bootstrapServers) {
		return byEventName(TopicReader.readAll(bootstrapServers, Topics.EVENTS));
	}

	/** How many of these click events have each event name. */
	static Map<String, Long> byEventName(List<ConsumerRecord<String, String>> events) {
		Map<String, Long> counts = new TreeMap<>();
		for (ConsumerRecord<String, String> record : events) {
			counts.merge(JSON.readTree(record.value()).path("eventName").asString(), 1L, Long::sum);
		}
		return counts;
	}

	/** The counts of a snapshot: every field but {@code receiveAt}. */
	static Map<String, Long> ofSnapshot(JsonNode snapshot) {
		Map<String, Long> counts = new TreeMap<>();
		snapshot.properties()
			.stream()
			.filter(field -> !field.getKey().equals("receiveAt"))
			.forEach(field -> counts.merge(field.getKey(), field.getValue().asLong(), Long::sum));
		return counts;
	}

}
