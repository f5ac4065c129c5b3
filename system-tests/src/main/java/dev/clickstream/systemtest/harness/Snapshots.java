package dev.clickstream.systemtest.harness;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The counts snapshots on the snapshot topic, as a reader with read_committed sees them.
 */
public final class Snapshots {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Snapshots() {
	}

	/** The newest snapshot's counts, without names at zero; empty before the first snapshot. */
	public static Map<String, Long> newest(String bootstrapServers) {
		Optional<ConsumerRecord<String, String>> newest = TopicReader.readLatest(bootstrapServers,
				Topics.UNIQUE_EVENTS, 0);
		return newest.map(record -> nonZero(counts(record.value()))).orElse(Map.of());
	}

	/** The sum of the newest snapshot's counts: how many events it covers; 0 before the first snapshot. */
	public static long newestTotal(String bootstrapServers) {
		return newest(bootstrapServers).values().stream().mapToLong(Long::longValue).sum();
	}

	/** Every snapshot's counts, oldest first. */
	public static List<Map<String, Long>> all(String bootstrapServers) {
		return TopicReader.readAll(bootstrapServers, Topics.UNIQUE_EVENTS)
			.stream()
			.map(record -> counts(record.value()))
			.toList();
	}

	/** The counts of a snapshot: every field but {@code receiveAt}. */
	public static Map<String, Long> counts(String snapshot) {
		JsonNode json = JSON.readTree(snapshot);
		Map<String, Long> counts = new TreeMap<>();
		json.properties()
			.stream()
			.filter(field -> !field.getKey().equals("receiveAt"))
			.forEach(field -> counts.put(field.getKey(), field.getValue().asLong()));
		return counts;
	}

	private static Map<String, Long> nonZero(Map<String, Long> counts) {
		Map<String, Long> nonZero = new TreeMap<>(counts);
		nonZero.values().removeIf(count -> count == 0);
		return nonZero;
	}

}
