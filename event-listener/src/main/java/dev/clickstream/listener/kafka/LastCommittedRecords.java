package dev.clickstream.listener.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * Finds the last committed record of each partition, reading a few records per partition rather than the whole log:
 * restoring state costs O(partitions), not O(records).
 *
 * <p>The consumer must read with {@code isolation.level=read_committed}: then the end offset is the last stable
 * offset, records of aborted transactions are skipped, and what is found was committed. The last offsets of a
 * transactional partition are commit markers, not records, and aborted transactions may hide more, so the search
 * starts a few offsets back and looks further back only where it found nothing.
 */
public final class LastCommittedRecords {

	private static final int FIRST_WINDOW = 16;

	private LastCommittedRecords() {
	}

	/**
	 * Assigns the partitions to the consumer and returns the last committed record of each that has one. The consumer
	 * is left positioned at the end of each partition.
	 */
	public static <K, V> Map<TopicPartition, ConsumerRecord<K, V>> find(Consumer<K, V> consumer,
			Collection<TopicPartition> partitions, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		consumer.assign(partitions);
		Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
		Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions, timeout);
		Map<TopicPartition, ConsumerRecord<K, V>> last = new HashMap<>();
		Map<TopicPartition, Long> searchFrom = new HashMap<>();
		Set<TopicPartition> pending = new HashSet<>();
		for (TopicPartition partition : partitions) {
			if (ends.get(partition) > beginnings.get(partition)) {
				pending.add(partition);
				searchFrom.put(partition, ends.get(partition));
			}
		}
		long window = FIRST_WINDOW;
		while (!pending.isEmpty()) {
			for (TopicPartition partition : pending) {
				long from = Math.max(beginnings.get(partition), searchFrom.get(partition) - window);
				searchFrom.put(partition, from);
				consumer.seek(partition, from);
			}
			Set<TopicPartition> reading = new HashSet<>(pending);
			while (!reading.isEmpty()) {
				if (System.nanoTime() > deadline) {
					throw new TimeoutException("could not read the last committed records of " + reading + " within "
							+ timeout);
				}
				ConsumerRecords<K, V> records = consumer.poll(Duration.ofMillis(100));
				for (ConsumerRecord<K, V> record : records) {
					TopicPartition partition = new TopicPartition(record.topic(), record.partition());
					if (reading.contains(partition) && record.offset() < ends.get(partition)) {
						last.put(partition, record);
					}
				}
				reading.removeIf(partition -> consumer.position(partition) >= ends.get(partition));
			}
			pending.removeIf(partition -> last.containsKey(partition)
					|| searchFrom.get(partition) <= beginnings.get(partition));
			window *= 8;
		}
		for (TopicPartition partition : partitions) {
			consumer.seek(partition, ends.get(partition));
		}
		return last;
	}

}
