package dev.clickstream.benchmark.contenders;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import dev.clickstream.model.ClickEventReader;

/**
 * The practical limit: one plain consumer that parses each record with the listener's {@link ClickEventReader} and
 * counts per event name in memory; no transactions, no output, no offsets committed. Prints
 * {@code ASSIGNED <epoch ms> <CPU ms>} when it gets its partitions and {@code DONE <epoch ms> <CPU ms>} once it has
 * counted the expected number of events, then exits; CPU ms is the process's CPU time so far.
 *
 * <p>Arguments: bootstrap servers, input topic, group id, expected events, max.poll.records.
 */
public final class RawCount {

	private RawCount() {
	}

	public static void main(String[] args) {
		if (args.length != 5) {
			throw new IllegalArgumentException(
					"usage: RawCount <bootstrap> <input> <group-id> <expected-events> <max-poll-records>");
		}
		long expected = Long.parseLong(args[3]);
		ClickEventReader reader = new ClickEventReader(4096);
		Map<String, long[]> counts = new HashMap<>();
		long counted = 0;
		long done;
		long cpuAtDone;
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
				ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args[0],
				ConsumerConfig.GROUP_ID_CONFIG, args[2],
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
				// as the listener reads
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
				ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.parseInt(args[4]),
				// the listener's fetch settings (event-listener/src/main/resources/application.yml)
				ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 65_536,
				ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100,
				ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4_194_304), new StringDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(args[1]), new ConsumerRebalanceListener() {
				@Override
				public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
				}

				@Override
				public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
					System.out.println("ASSIGNED " + System.currentTimeMillis() + " " + cpuMillis() + " " + partitions);
				}
			});
			while (counted < expected) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
					counts.computeIfAbsent(reader.eventName(record.value()), name -> new long[1])[0]++;
					counted++;
				}
			}
			// before close(), which leaves the group
			done = System.currentTimeMillis();
			cpuAtDone = cpuMillis();
		}
		StringBuilder summary = new StringBuilder();
		counts.forEach((name, count) -> summary.append(' ').append(name).append('=').append(count[0]));
		System.out.println("DONE " + done + " " + cpuAtDone + " " + counted + summary);
	}

	private static long cpuMillis() {
		return ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
	}

}
