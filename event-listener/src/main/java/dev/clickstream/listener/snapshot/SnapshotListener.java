package dev.clickstream.listener.snapshot;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import dev.clickstream.listener.EventListenerProperties;
import dev.clickstream.listener.EventListenerProperties.Snapshots.Mode;
import dev.clickstream.listener.counting.ChangelogRestorer;
import dev.clickstream.listener.counting.PartitionCounts;
import dev.clickstream.listener.kafka.RewindOnFailure;
import dev.clickstream.model.SeedTime;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Follows the changelog and publishes the global totals. Its consumer group gives every changelog partition to one
 * instance, so exactly one instance publishes, and its transactions fence the previous publisher: the totals on the
 * snapshot topic never go down.
 */
@Component
public class SnapshotListener implements ConsumerSeekAware {

	private final GlobalTotals totals;

	private final ChangelogRestorer restorer;

	private final SnapshotPublisher publisher;

	private final ObjectReader reader;

	private final RewindOnFailure rewind = new RewindOnFailure();

	private final boolean everyEvent;

	private final String groupId;

	private long publishedVersion = -1;

	// Timestamps of the oldest event in each batch of counts taken in since the last snapshot.
	private final List<Long> unpublishedEventTimestamps = new ArrayList<>();

	SnapshotListener(ChangelogRestorer restorer, SnapshotPublisher publisher, JsonMapper jsonMapper,
			EventListenerProperties properties) {
		this.reader = jsonMapper.readerFor(PartitionCounts.class);
		this.totals = new GlobalTotals(properties.counting().eventNames());
		this.restorer = restorer;
		this.publisher = publisher;
		this.everyEvent = properties.snapshots().mode() == Mode.EVERY_EVENT;
		this.groupId = properties.snapshots().groupId();
	}

	public String getGroupId() {
		return this.groupId;
	}

	@KafkaListener(id = "snapshot-publisher", topics = "#{@countingTopics.changelog().name()}",
			groupId = "#{__listener.groupId}", concurrency = "1", batch = "true",
			containerPostProcessor = "snapshotCadence",
			properties = "partition.assignment.strategy=dev.clickstream.listener.snapshot.SingleOwnerAssignor")
	void publish(List<ConsumerRecord<String, byte[]>> changes) {
		// A snapshot that did not commit is published again: its changes come again, and count as unpublished.
		this.rewind.rewindIfNotCommitted(changes, () -> this.publishedVersion = -1);
		for (ConsumerRecord<String, byte[]> change : changes) {
			if (this.totals.update(this.reader.readValue(change.value()))) {
				this.unpublishedEventTimestamps.add(change.timestamp());
				if (this.everyEvent) {
					publishIfChanged();
				}
			}
		}
		publishIfChanged();
	}

	private void publishIfChanged() {
		if (this.totals.version() != this.publishedVersion) {
			this.publisher.publish(this.totals.snapshot(SeedTime.now()), List.copyOf(this.unpublishedEventTimestamps));
			this.unpublishedEventTimestamps.clear();
			this.publishedVersion = this.totals.version();
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
		assignments.keySet().forEach(partition -> partitions.add(partition.partition()));
		this.totals.clear();
		this.unpublishedEventTimestamps.clear();
		this.publishedVersion = -1;
		String topic = assignments.keySet().iterator().next().topic();
		for (ChangelogRestorer.Restored restored : this.restorer.restore(partitions)) {
			this.totals.update(restored.counts());
			if (restored.changelogOffset() >= 0) {
				// Read each partition's newest counts once more: the first batch then publishes, which covers counts
				// that a previous publisher saw committed but did not live to publish.
				callback.seek(topic, restored.counts().partition(), restored.changelogOffset());
			}
		}
	}

	@Override
	public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
		this.totals.clear();
	}

}
