package dev.clickstream.listener.counting;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;

import dev.clickstream.kafka.ClickstreamTopics;
import dev.clickstream.listener.changelog.ChangelogReader;
import dev.clickstream.listener.changelog.ChangelogWriter;
import dev.clickstream.listener.EventListenerProperties;
import dev.clickstream.listener.changelog.PartitionState;
import dev.clickstream.listener.changelog.WindowChangelogWriter;
import dev.clickstream.listener.kafka.RewindOnFailure;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts each poll's click events in one Kafka transaction: the new state of every partition in the batch goes to the
 * changelog, its counts of each event-time window the batch touched to the window changelog, records that are not
 * click events to the dead-letter topic, events too late for their window to the late-events topic, and the
 * container commits all of it together with the consumer offsets. The counting itself is {@link BatchCounter}'s; this class does the I/O.
 */
@Component
class CountingListener implements ConsumerSeekAware {

	private final CountingState state;

	private final BatchCounter counter;

	private final ChangelogReader changelogReader;

	private final ChangelogWriter changelogWriter;

	private final DeadLetterWriter deadLetters;

	private final WindowChangelogWriter windowChangelogWriter;

	private final LateEventWriter lateEvents;

	private final boolean writeLateEvents;

	private final CountingMetrics metrics;

	private final InjectedFaults faults;

	private final String topic;

	private final RewindOnFailure rewind = new RewindOnFailure();

	CountingListener(CountingState state, BatchCounter counter, ChangelogReader changelogReader,
			ChangelogWriter changelogWriter, DeadLetterWriter deadLetters, WindowChangelogWriter windowChangelogWriter,
			LateEventWriter lateEvents, CountingMetrics metrics, InjectedFaults faults, ClickstreamTopics topics,
			EventListenerProperties properties) {
		this.state = state;
		this.counter = counter;
		this.changelogReader = changelogReader;
		this.changelogWriter = changelogWriter;
		this.deadLetters = deadLetters;
		this.windowChangelogWriter = windowChangelogWriter;
		this.lateEvents = lateEvents;
		this.writeLateEvents = properties.windows().writeLateEvents();
		this.metrics = metrics;
		this.faults = faults;
		this.topic = topics.events().name();
	}

	public String getTopic() {
		return this.topic;
	}

	// The group is spring.kafka.consumer.group-id, not the listener's id. Each of the listener's containers has a
	// client id of its own: consumers sharing one, as they otherwise would, overwrite each other's client metrics,
	// the consumer lag among them.
	@KafkaListener(id = "click-event-counter", idIsGroup = false, topics = "#{__listener.topic}", batch = "true",
			clientIdPrefix = "${spring.kafka.client-id:event-listener}-counting")
	void count(List<ConsumerRecord<String, byte[]>> records) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			throw new IllegalStateException(
					"counting needs Kafka transactions: set spring.kafka.producer.transaction-id-prefix");
		}
		CountedBatch counted = this.counter.count(new Records(records), this.state::committed);
		counted.rejected()
			.forEach(rejected -> this.deadLetters.write(records.get(rejected.index()), rejected.reason(),
					rejected.detail()));
		if (this.writeLateEvents) {
			counted.late()
				.forEach(late -> this.lateEvents.write(records.get(late.index()), late.windowStart(),
						late.latenessSeconds()));
		}
		counted.windowChanges().forEach(this.windowChangelogWriter::write);
		counted.changes().forEach(change -> this.changelogWriter.write(change.state(), change.oldestEventTimestamp()));
		this.faults.beforeCommit();
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				CountingListener.this.state.commit(counted.states());
				CountingListener.this.metrics.committed(counted.countedByName(), counted.rejectedByReason(),
						counted.late());
			}
		});
		// Counting the batch again on the committed state is safe: the same batch on the same state writes the same
		// state.
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
		Map<Integer, Long> positions = new TreeMap<>();
		assignments.forEach((partition, position) -> positions.put(partition.partition(), position));
		for (PartitionState restored : this.changelogReader.restoreAt(positions)) {
			this.state.restore(restored);
			if (!restored.isEmpty()) {
				// The changelog, not the group offset, says where counting stopped: they commit together, and the
				// changelog also survives the expiry of an idle group's offsets.
				callback.seek(this.topic, restored.partition(), restored.nextOffset());
			}
		}
	}

	@Override
	public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
		partitions.forEach(partition -> this.state.drop(partition.partition()));
	}

	/** The client's records as counting reads them, without copying. */
	private record Records(List<ConsumerRecord<String, byte[]>> records) implements EventBatch {

		@Override
		public int size() {
			return this.records.size();
		}

		@Override
		public int partition(int index) {
			return this.records.get(index).partition();
		}

		@Override
		public long offset(int index) {
			return this.records.get(index).offset();
		}

		@Override
		public long timestamp(int index) {
			return this.records.get(index).timestamp();
		}

		@Override
		public byte @Nullable [] value(int index) {
			return this.records.get(index).value();
		}

	}

}
