package dev.clickstream.listener.counting;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.clickstream.listener.EventListenerProperties;
import dev.clickstream.listener.EventListenerProperties.Snapshots.Mode;
import dev.clickstream.model.ClickEvent;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts each poll's click events in one Kafka transaction: the new counts of every partition in the batch go to the
 * changelog, and the container commits them together with the consumer offsets.
 */
@Component
class ClickEventCounter implements ConsumerSeekAware {

	private static final Logger logger = LoggerFactory.getLogger(ClickEventCounter.class);

	private final CountingState state;

	private final ChangelogRestorer restorer;

	private final ChangelogPublisher changelog;

	private final CountingMetrics metrics;

	private final InjectedFaults faults;

	private final boolean changelogEveryEvent;

	ClickEventCounter(CountingState state, ChangelogRestorer restorer, ChangelogPublisher changelog,
			CountingMetrics metrics, InjectedFaults faults, EventListenerProperties properties) {
		this.faults = faults;
		this.state = state;
		this.restorer = restorer;
		this.changelog = changelog;
		this.metrics = metrics;
		this.changelogEveryEvent = properties.snapshots().mode() == Mode.EVERY_EVENT;
	}

	@KafkaListener(id = "click-event-counter", topics = "#{@countingTopics.events()}", batch = "true")
	void count(List<ConsumerRecord<String, ClickEvent>> records) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			throw new IllegalStateException(
					"counting needs Kafka transactions: set spring.kafka.producer.transaction-id-prefix");
		}
		Map<Integer, PartitionCounts> counted = new TreeMap<>();
		Map<String, Long> countedByName = new TreeMap<>();
		int rejected = 0;
		for (ConsumerRecord<String, ClickEvent> record : records) {
			PartitionCounts before = counted.computeIfAbsent(record.partition(), this.state::committed);
			ClickEvent event = record.value();
			List<String> names = isCountable(event) ? List.of(event.eventName()) : List.of();
			if (names.isEmpty()) {
				rejected++;
				logger.warn("Skipped a record that is not a click event: topic={} partition={} offset={} key={}",
						record.topic(), record.partition(), record.offset(), record.key());
			}
			else {
				countedByName.merge(event.eventName(), 1L, Long::sum);
			}
			PartitionCounts after = before.plus(names, record.offset() + 1);
			counted.put(record.partition(), after);
			if (this.changelogEveryEvent) {
				this.changelog.publish(after);
			}
		}
		if (!this.changelogEveryEvent) {
			counted.values().forEach(this.changelog::publish);
		}
		this.faults.beforeCommit();
		int rejectedInBatch = rejected;
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				ClickEventCounter.this.state.commit(counted.values());
				ClickEventCounter.this.metrics.counted(countedByName, rejectedInBatch);
			}
		});
	}

	private static boolean isCountable(ClickEvent event) {
		return event != null && event.eventName() != null && !event.eventName().isBlank();
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
				callback.seek(topic, restored.partition(), restored.nextOffset());
			}
		}
	}

	@Override
	public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
		partitions.forEach(partition -> this.state.drop(partition.partition()));
	}

}
