package dev.clickstream.listener.counting;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.clickstream.kafka.ClickstreamTopics;
import dev.clickstream.listener.changelog.ChangelogReader;
import dev.clickstream.listener.changelog.ChangelogWriter;
import dev.clickstream.listener.EventListenerProperties;
import dev.clickstream.listener.changelog.PartitionState;
import dev.clickstream.listener.changelog.WindowChangelogWriter;
import dev.clickstream.listener.kafka.RewindOnFailure;

import org.springframework.context.event.EventListener;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.event.ListenerContainerPartitionIdleEvent;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts each poll's click events in one Kafka transaction: the new state of every partition in the batch goes to the
 * changelog, its counts of each event-time window the batch touched to the window changelog, a checkpoint with its
 * sketches to the checkpoints topic when one is due, records that are not click events to the dead-letter topic,
 * events too late for their window to the late-events topic, and the container commits all of it together with the
 * consumer offsets. The counting itself is {@link BatchCounter}'s; this class does the I/O.
 */
@Component
class CountingListener implements ConsumerSeekAware {

	static final String LISTENER_ID = "click-event-counter";

	private static final Logger logger = LoggerFactory.getLogger(CountingListener.class);

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

	private final SketchesRebuild sketchesRebuild;

	private final KafkaTemplate<String, byte[]> kafkaTemplate;

	private final Duration checkpointInterval;

	private final RewindOnFailure rewind = new RewindOnFailure();

	CountingListener(CountingState state, BatchCounter counter, ChangelogReader changelogReader,
			ChangelogWriter changelogWriter, DeadLetterWriter deadLetters, WindowChangelogWriter windowChangelogWriter,
			LateEventWriter lateEvents, SketchesRebuild sketchesRebuild, KafkaTemplate<String, byte[]> kafkaTemplate,
			CountingMetrics metrics,
			InjectedFaults faults, ClickstreamTopics topics, EventListenerProperties properties) {
		this.state = state;
		this.counter = counter;
		this.changelogReader = changelogReader;
		this.changelogWriter = changelogWriter;
		this.deadLetters = deadLetters;
		this.windowChangelogWriter = windowChangelogWriter;
		this.lateEvents = lateEvents;
		this.writeLateEvents = properties.windows().writeLateEvents();
		this.sketchesRebuild = sketchesRebuild;
		this.kafkaTemplate = kafkaTemplate;
		this.checkpointInterval = properties.windows().checkpointInterval();
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
	@KafkaListener(id = LISTENER_ID, idIsGroup = false, containerPostProcessor = "countingContainer", topics = "#{__listener.topic}", batch = "true",
			clientIdPrefix = "${spring.kafka.client-id:event-listener}-counting")
	void count(List<ConsumerRecord<String, byte[]>> records) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			throw new IllegalStateException(
					"counting needs Kafka transactions: set spring.kafka.producer.transaction-id-prefix");
		}
		Set<Integer> partitions = new TreeSet<>();
		records.forEach(record -> partitions.add(record.partition()));
		for (int partition : partitions) {
			if (this.state.sketchesUnsure(partition)) {
				this.state.rebuilt(partition, this.sketchesRebuild.rebuild(this.state.committed(partition),
						this.state.checkpoint(partition)));
			}
		}
		this.state.begin(partitions);
		long now = System.nanoTime();
		CountedBatch counted = this.counter.count(new RecordBatch(records), this.state,
				partition -> checkpointDue(partition, now));
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
		counted.checkpoints().forEach(this.changelogWriter::checkpoint);
		this.faults.beforeCommit();
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				CountingListener.this.state.commit(counted.states(), counted.checkpoints(), now);
				CountingListener.this.metrics.committed(counted.countedByName(), counted.rejectedByReason(),
						counted.late());
			}
		});
		// Counting the batch again on the committed state is safe: the same batch on the same state writes the same
		// state, once the sketches the batch left unsure are rebuilt.
		this.rewind.rewindIfNotCommitted(records);
	}

	/**
	 * A partition is checkpointed at most every checkpoint interval while events come, so that a restart counts at
	 * most that long again; once they pause, {@link #onPartitionIdle} checkpoints it.
	 */
	private boolean checkpointDue(int partition, long nowNanos) {
		Long sinceCheckpoint = this.state.nanosSinceCheckpoint(partition, nowNanos);
		return sinceCheckpoint == null || sinceCheckpoint >= this.checkpointInterval.toNanos();
	}

	/**
	 * A partition whose events paused is checkpointed once, with its open windows' sketches, so that what is on the
	 * topics ends at its newest events: the figures since the start, the running windows' and those of a window the
	 * publisher closes for an idle partition. It runs on the consumer's thread, between batches, in a transaction of
	 * its own: a checkpoint holds what is committed, whoever writes it.
	 */
	@EventListener(condition = "event.listenerId.startsWith('" + LISTENER_ID + "')")
	void onPartitionIdle(ListenerContainerPartitionIdleEvent idle) {
		if (!this.counter.countsWindows()) {
			return;
		}
		PartitionState checkpoint = this.state.uncheckpointed(idle.getTopicPartition().partition());
		if (checkpoint == null) {
			return;
		}
		try {
			this.kafkaTemplate.executeInTransaction(template -> {
				this.changelogWriter.checkpoint(checkpoint);
				this.counter.openWindows(checkpoint).forEach(this.windowChangelogWriter::write);
				return null;
			});
		}
		catch (RuntimeException ex) {
			// The partition stays due: the next idle event, or the next batch's checkpoint, writes it.
			logger.warn("Could not checkpoint idle partition {} at offset {}: {}", checkpoint.partition(),
					checkpoint.nextOffset(), ex.toString());
			return;
		}
		this.state.commit(List.of(), List.of(checkpoint), System.nanoTime());
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
		// Checkpoints first: one read after the counts could be of a transaction newer than theirs.
		Map<Integer, PartitionState> checkpoints = new TreeMap<>();
		for (ChangelogReader.Committed checkpoint : this.changelogReader.latestCheckpoints(positions.keySet())) {
			if (checkpoint.changelogOffset() >= 0) {
				checkpoints.put(checkpoint.state().partition(), checkpoint.state());
			}
		}
		for (PartitionState restored : this.changelogReader.restoreAt(positions)) {
			PartitionState checkpoint = checkpoints.get(restored.partition());
			this.state.restore(restored, this.sketchesRebuild.rebuild(restored, checkpoint), checkpoint);
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

}
