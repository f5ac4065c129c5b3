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
		return newest(bootstrapServers, Topics.UNIQUE_EVENTS);
	}

	/** The newest snapshot's counts on a snapshot topic of another name, as a listener so configured writes it. */
	public static Map<String, Long> newest(String bootstrapServers, String topic) {
		Optional<ConsumerRecord<String, String>> newest = TopicReader.readLatest(bootstrapServers, topic, 0);
		return newest.map(record -> nonZero(counts(record.value()))).orElse(Map.of());
	}

	/** The sum of the newest snapshot's counts: how many events it covers; 0 before the first snapshot. */
	public static long newestTotal(String bootstrapServers) {
		return newest(bootstrapServers).values().stream().mapToLong(Long::longValue).sum();
	}

	/** Every snapshot's counts, oldest first. */
	public static List<Map<String, Long>> all(String bootstrapServers) {
		return all(bootstrapServers, Topics.UNIQUE_EVENTS);
	}

	/** Every snapshot's counts on a snapshot topic of another name, oldest first. */
	public static List<Map<String, Long>> all(String bootstrapServers, String topic) {
		return TopicReader.readAll(bootstrapServers, topic)
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
