package dev.clickstream.listener.counting;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import dev.clickstream.listener.EventListenerProperties;
import dev.clickstream.listener.EventListenerProperties.Snapshots.Mode;
import dev.clickstream.listener.kafka.RewindOnFailure;
import dev.clickstream.model.InvalidClickEventException;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts each poll's click events in one Kafka transaction: the new counts of every partition in the batch go to the
 * changelog, records that are not click events go to the dead-letter topic, and the container commits all of it
 * together with the consumer offsets.
 */
@Component
class ClickEventCounter implements ConsumerSeekAware {

	private final CountingState state;

	private final ChangelogRestorer restorer;

	private final EventAdmission admission;

	private final ChangelogPublisher changelog;

	private final DeadLetterPublisher deadLetters;

	private final CountingMetrics metrics;

	private final InjectedFaults faults;

	private final boolean changelogEveryEvent;

	private final RewindOnFailure rewind = new RewindOnFailure();

	ClickEventCounter(CountingState state, ChangelogRestorer restorer, EventAdmission admission,
			ChangelogPublisher changelog, DeadLetterPublisher deadLetters, CountingMetrics metrics,
			InjectedFaults faults, EventListenerProperties properties) {
		this.state = state;
		this.restorer = restorer;
		this.admission = admission;
		this.changelog = changelog;
		this.deadLetters = deadLetters;
		this.metrics = metrics;
		this.faults = faults;
		this.changelogEveryEvent = properties.snapshots().mode() == Mode.EVERY_EVENT;
	}

	// The group is spring.kafka.consumer.group-id, not the listener's id.
	@KafkaListener(id = "click-event-counter", idIsGroup = false, topics = "#{@countingTopics.events()}",
			batch = "true")
	void count(List<ConsumerRecord<String, byte[]>> records) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			throw new IllegalStateException(
					"counting needs Kafka transactions: set spring.kafka.producer.transaction-id-prefix");
		}
		Map<Integer, PartitionBatch> batches = new TreeMap<>();
		Map<String, Long> deadLetteredByReason = new TreeMap<>();
		for (ConsumerRecord<String, byte[]> record : records) {
			PartitionBatch batch = batches.computeIfAbsent(record.partition(),
					partition -> new PartitionBatch(this.state.committed(partition)));
			try {
				batch.count(this.admission.admit(record.value()), record.offset(), record.timestamp());
			}
			catch (InvalidClickEventException rejection) {
				this.deadLetters.publish(record, rejection);
				deadLetteredByReason.merge(rejection.reason().tag(), 1L, Long::sum);
				batch.skip(record.offset());
			}
			if (this.changelogEveryEvent) {
				this.changelog.publish(batch.counts(), OptionalLong.of(record.timestamp()));
			}
		}
		List<PartitionCounts> counted = new ArrayList<>();
		for (PartitionBatch batch : batches.values()) {
			PartitionCounts counts = batch.counts();
			counted.add(counts);
			if (!this.changelogEveryEvent) {
				this.changelog.publish(counts, batch.oldestTimestamp());
			}
		}
		this.faults.beforeCommit();
		Map<String, Long> countedByName = new TreeMap<>();
		batches.values().forEach(batch -> batch.added().forEach((name, count) -> countedByName.merge(name, count, Long::sum)));
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				ClickEventCounter.this.state.commit(counted);
				ClickEventCounter.this.metrics.committed(countedByName, deadLetteredByReason);
			}
		});
		// Counting the batch again on the committed state is safe: the counts are cumulative, so the same batch on
		// the same state writes the same counts.
		this.rewind.rewindIfNotCommitted(records);
	}

	@Override
	public void registerSeekCallback(ConsumerSeekCallback callback) {
		this.rewind.register(callback);
	}

	@Override
	public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
		if (assignments.isEmpty()) {
			return;
		}
		String topic = assignments.keySet().iterator().next().topic();
		Map<Integer, Long> positions = new TreeMap<>();
		assignments.forEach((partition, position) -> positions.put(partition.partition(), position));
		for (PartitionCounts restored : this.restorer.restoreAt(positions)) {
			this.state.restore(restored);
			if (!restored.isEmpty()) {
				// The changelog, not the group offset, says where counting stopped: they commit together, and the
				// changelog also survives the expiry of an idle group's offsets.
				callback.seek(topic, restored.partition(), restored.nextOffset());
			}
		}
	}

	@Override
	public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
		partitions.forEach(partition -> this.state.drop(partition.partition()));
	}

}
