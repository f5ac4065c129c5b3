package dev.clickstream.listener.snapshot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import dev.clickstream.kafka.ClickstreamTopics;
import dev.clickstream.listener.EventListenerProperties;
import dev.clickstream.listener.EventListenerProperties.Snapshots.Mode;
import dev.clickstream.listener.changelog.ChangelogFormat;
import dev.clickstream.listener.changelog.ChangelogReader;
import dev.clickstream.listener.kafka.RewindOnFailure;
import dev.clickstream.listener.sketches.SketchMerges;
import dev.clickstream.model.SeedTime;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Follows the changelog and publishes the global totals, and follows the checkpoints and publishes the all-time unique
 * users and top products. Its consumer group gives every partition of both to one
 * instance, so exactly one instance publishes, and its transactions fence the previous publisher: the totals on the
 * snapshot topic never go down.
 */
@Component
public class TotalsPublisher implements ConsumerSeekAware {

	private final GlobalTotals totals;

	private final ChangelogReader changelogReader;

	private final ChangelogFormat changelogFormat;

	private final SnapshotWriter snapshotWriter;

	private final AllTimeWriter allTimeWriter;

	private final RewindOnFailure rewind = new RewindOnFailure();

	private final boolean everyEvent;

	private final String groupId;

	private final String topic;

	private final String checkpointsTopic;

	private long publishedVersion = -1;

	private long publishedSketchesVersion = -1;

	// Timestamps of the oldest event in each batch of counts taken in since the last snapshot.
	private final List<Long> unpublishedEventTimestamps = new ArrayList<>();

	TotalsPublisher(ChangelogReader changelogReader, ChangelogFormat changelogFormat, SnapshotWriter snapshotWriter,
			AllTimeWriter allTimeWriter, SketchMerges sketchMerges, ClickstreamTopics topics,
			EventListenerProperties properties) {
		this.totals = new GlobalTotals(properties.counting().eventNames(), sketchMerges);
		this.allTimeWriter = allTimeWriter;
		this.changelogReader = changelogReader;
		this.changelogFormat = changelogFormat;
		this.snapshotWriter = snapshotWriter;
		this.everyEvent = properties.snapshots().mode() == Mode.EVERY_EVENT;
		this.groupId = properties.snapshots().groupId();
		this.topic = topics.changelog().name();
		this.checkpointsTopic = topics.checkpoints().name();
	}

	public String getGroupId() {
		return this.groupId;
	}

	public List<String> getTopics() {
		return List.of(this.topic, this.checkpointsTopic);
	}

	@KafkaListener(id = "snapshot-publisher", topics = "#{__listener.topics}", groupId = "#{__listener.groupId}",
			clientIdPrefix = "${spring.kafka.client-id:event-listener}-snapshots",
			concurrency = "1", batch = "true", containerPostProcessor = "snapshotPublisherContainer",
			properties = "partition.assignment.strategy=dev.clickstream.listener.snapshot.SingleOwnerAssignor")
	void publish(List<ConsumerRecord<String, byte[]>> changes) {
		// A snapshot that did not commit is published again: its changes come again, and count as unpublished.
		this.rewind.rewindIfNotCommitted(changes, () -> {
			this.publishedVersion = -1;
			this.publishedSketchesVersion = -1;
		});
		for (ConsumerRecord<String, byte[]> change : changes) {
			if (change.topic().equals(this.checkpointsTopic)) {
				this.totals.updateSketches(this.changelogFormat.read(change.value()));
			}
			else if (this.totals.update(this.changelogFormat.read(change.value()))) {
				this.unpublishedEventTimestamps.add(change.timestamp());
				if (this.everyEvent) {
					publishIfChanged();
				}
			}
		}
		publishIfChanged();
	}

	private void publishIfChanged() {
		Instant now = SeedTime.now();
		if (this.totals.version() != this.publishedVersion) {
			this.snapshotWriter.write(this.totals.snapshot(now), List.copyOf(this.unpublishedEventTimestamps));
			this.unpublishedEventTimestamps.clear();
			this.publishedVersion = this.totals.version();
		}
		if (this.totals.sketchesVersion() != this.publishedSketchesVersion) {
			this.totals.allTime(now).ifPresent(this.allTimeWriter::write);
			this.publishedSketchesVersion = this.totals.sketchesVersion();
		}
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
		List<Integer> partitions = new ArrayList<>();
		List<Integer> checkpointed = new ArrayList<>();
		assignments.keySet()
			.forEach(partition -> (partition.topic().equals(this.checkpointsTopic) ? checkpointed : partitions)
				.add(partition.partition()));
		this.totals.clear();
		this.unpublishedEventTimestamps.clear();
		this.publishedVersion = -1;
		this.publishedSketchesVersion = -1;
		for (ChangelogReader.Committed committed : this.changelogReader.latest(partitions)) {
			this.totals.update(committed.state());
			// Read each partition's newest state once more: the first batch then publishes, which covers counts
			// that a previous publisher saw committed but did not live to publish.
			seekBack(callback, this.topic, committed);
		}
		for (ChangelogReader.Committed checkpoint : this.changelogReader.latestCheckpoints(checkpointed)) {
			if (checkpoint.changelogOffset() >= 0) {
				this.totals.updateSketches(checkpoint.state());
			}
			seekBack(callback, this.checkpointsTopic, checkpoint);
		}
	}

	private static void seekBack(ConsumerSeekCallback callback, String topic, ChangelogReader.Committed committed) {
		if (committed.changelogOffset() >= 0) {
			callback.seek(topic, committed.state().partition(), committed.changelogOffset());
		}
	}

	@Override
	public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
		this.totals.clear();
	}

}
