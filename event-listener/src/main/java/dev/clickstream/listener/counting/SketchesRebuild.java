package dev.clickstream.listener.counting;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.clickstream.kafka.ReadCommittedConsumers;
import dev.clickstream.listener.changelog.PartitionState;
import dev.clickstream.listener.sketches.PartitionSketches;

/**
 * Brings a partition's sketches up to its committed state: from its newest checkpoint, by reading the partition's
 * events since then from the event topic and counting them again. When that cannot match the committed counts (the
 * events were deleted by retention, or the checkpoint is missing) the partition goes on with sketches marked as
 * missing events, never with ones that would pass for complete.
 */
class SketchesRebuild {

	private static final Logger logger = LoggerFactory.getLogger(SketchesRebuild.class);

	private final BatchCounter counter;

	private final ReadCommittedConsumers consumers;

	private final String topic;

	private final Duration timeout;

	SketchesRebuild(BatchCounter counter, ReadCommittedConsumers consumers, String topic, Duration timeout) {
		this.counter = counter;
		this.consumers = consumers;
		this.topic = topic;
		this.timeout = timeout;
	}

	/**
	 * @param committed the partition's committed state, counts alone
	 * @param checkpoint its newest checkpoint, at or before the committed state; null if it has none
	 */
	PartitionSketches rebuild(PartitionState committed, @Nullable PartitionState checkpoint) {
		if (checkpoint == null || !this.counter.countsWindows()) {
			return PartitionSketches.of(committed);
		}
		if (checkpoint.nextOffset() == committed.nextOffset()) {
			return PartitionSketches.of(checkpoint);
		}
		if (checkpoint.nextOffset() > committed.nextOffset()) {
			logger.warn("The checkpoint of partition {} is at offset {}, past its committed counts at {}: its "
					+ "sketches start again, marked as missing earlier events", committed.partition(),
					checkpoint.nextOffset(), committed.nextOffset());
			return PartitionSketches.of(committed);
		}
		long started = System.nanoTime();
		Recount recount = new Recount(this.counter, checkpoint);
		TopicPartition partition = new TopicPartition(this.topic, committed.partition());
		try (Consumer<String, byte[]> consumer = this.consumers.create("sketches-rebuild",
				new ByteArrayDeserializer())) {
			consumer.assign(List.of(partition));
			consumer.seek(partition, checkpoint.nextOffset());
			long deadline = started + this.timeout.toNanos();
			while (consumer.position(partition) < committed.nextOffset() && System.nanoTime() < deadline) {
				List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200)).records(partition)) {
					if (record.offset() < committed.nextOffset()) {
						records.add(record);
					}
				}
				recount.add(new RecordBatch(records));
			}
		}
		if (!recount.state().equals(committed)) {
			logger.warn("Counting partition {} again from its checkpoint at offset {} came to {}, not to the committed "
					+ "{}: its sketches start again, marked as missing earlier events", committed.partition(),
					checkpoint.nextOffset(), recount.state(), committed);
			return PartitionSketches.of(committed);
		}
		logger.info("Rebuilt the sketches of partition {} from its checkpoint at offset {}, {} events behind, in {} ms",
				committed.partition(), checkpoint.nextOffset(), committed.nextOffset() - checkpoint.nextOffset(),
				Duration.ofNanos(System.nanoTime() - started).toMillis());
		return recount.sketches();
	}

}
