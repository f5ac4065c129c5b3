package dev.clickstream.listener.windows;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.clickstream.kafka.ClickstreamTopics;
import dev.clickstream.listener.EventListenerProperties;
import dev.clickstream.listener.changelog.ChangelogFormat;
import dev.clickstream.listener.changelog.PartitionWindow;
import dev.clickstream.listener.kafka.RewindOnFailure;
import dev.clickstream.listener.sketches.SketchMerges;
import dev.clickstream.listener.windows.WindowBook.Outcome;
import dev.clickstream.model.MetricNames;
import dev.clickstream.model.SeedTime;

import org.springframework.context.event.EventListener;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.springframework.kafka.listener.ConsumerSeekAware;

/**
 * Follows the window changelog and publishes each window's merged counts: running results while it is open, one
 * final result once every partition has closed it. Like the totals' publisher, its group gives every partition to one
 * instance, and its transactions commit the results with the changelog offsets they cover. Its state is restored from
 * the two topics on every assignment, and after a transaction that did not commit.
 */
class WindowsPublisher implements ConsumerSeekAware {

	static final String LISTENER_ID = "window-publisher";

	private static final Logger log = LoggerFactory.getLogger(WindowsPublisher.class);

	private final WindowsRestore restore;

	private final ChangelogFormat format;

	private final WindowResultWriter writer;

	private final EventListenerProperties properties;

	private final String topic;

	private final RewindOnFailure rewind = new RewindOnFailure();

	private final Counter afterFinal;

	private final SketchMerges sketchMerges;

	private @Nullable WindowBook book;

	WindowsPublisher(WindowsRestore restore, ChangelogFormat format, WindowResultWriter writer,
			ClickstreamTopics topics, EventListenerProperties properties, MeterRegistry registry,
			SketchMerges sketchMerges) {
		this.sketchMerges = sketchMerges;
		this.restore = restore;
		this.format = format;
		this.writer = writer;
		this.properties = properties;
		this.topic = topics.windowChangelog().name();
		this.afterFinal = Counter.builder(MetricNames.WINDOWS_AFTER_FINAL)
			.description("Window counts that came after the window's final result, from a partition that had been "
					+ "idle past the idle timeout; counted in the totals, not in the window")
			.register(registry);
	}

	public String getTopic() {
		return this.topic;
	}

	public String getGroupId() {
		return this.properties.windows().groupId();
	}

	@KafkaListener(id = LISTENER_ID, topics = "#{__listener.topic}", groupId = "#{__listener.groupId}",
			clientIdPrefix = "${spring.kafka.client-id:event-listener}-windows",
			concurrency = "1", batch = "true", containerPostProcessor = "windowPublisherContainer",
			properties = "partition.assignment.strategy=dev.clickstream.listener.snapshot.SingleOwnerAssignor")
	void publish(List<ConsumerRecord<String, byte[]>> changes) {
		// Results of a transaction that did not commit are not on the topic: start again from what is.
		this.rewind.rewindIfNotCommitted(changes, () -> this.book = null);
		WindowBook current = book();
		long now = System.currentTimeMillis();
		for (ConsumerRecord<String, byte[]> change : changes) {
			if (change.value() == null || WindowsRestore.TICK.equals(change.key())) {
				continue;
			}
			PartitionWindow counts = this.format.readWindow(change.value());
			WindowBook.Merged merged = current.merge(counts, now);
			if (merged.outcome() == Outcome.AFTER_FINAL && merged.eventsAfterFinal() > 0) {
				this.afterFinal.increment(merged.eventsAfterFinal());
				log.warn("Partition {} brought {} events of window {} after its final result; they stay out of it",
						counts.partition(), merged.eventsAfterFinal(),
						SeedTime.format(Instant.ofEpochSecond(counts.start())));
			}
		}
		publishDue(current, now);
	}

	/**
	 * While the changelog is quiet no batch comes: an idle tick, written to the changelog, brings one, so that what is
	 * due is published all the same: a window the idle timeout closes, and after a restart what the restored counts
	 * already close.
	 */
	@EventListener(condition = "event.listenerId.startsWith('" + LISTENER_ID + "')")
	void onIdle(ListenerContainerIdleEvent idle) {
		WindowBook current = this.book;
		if (current != null && current.hasResultsDue(System.currentTimeMillis())) {
			this.writer.tick(this.topic);
		}
	}

	private void publishDue(WindowBook current, long now) {
		WindowBook.Due due = current.due(now, SeedTime.now());
		this.sketchMerges.merged(due.sketchesMerged());
		due.results().forEach(this.writer::write);
		due.forgotten().forEach(start -> this.writer.forget(start, this.topic, current.partitions()));
	}

	private WindowBook book() {
		WindowBook current = this.book;
		if (current == null) {
			current = this.restore.restore(System.currentTimeMillis());
			this.book = current;
		}
		return current;
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
		WindowsRestore.Restored restored = this.restore.restoreWithPositions(System.currentTimeMillis());
		this.book = restored.book();
		// Everything before these offsets is in the book; the container goes on from there.
		restored.endOffsets().forEach((partition, offset) -> callback.seek(this.topic, partition, offset));
	}

	@Override
	public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
		this.book = null;
	}

	/** A quarter of the idle timeout, between 1 and 5 seconds: ticks are written only when something is due. */
	static Duration idleEventInterval(EventListenerProperties properties) {
		Duration quarter = properties.windows().idleTimeout().dividedBy(4);
		if (quarter.compareTo(Duration.ofSeconds(1)) < 0) {
			return Duration.ofSeconds(1);
		}
		return (quarter.compareTo(Duration.ofSeconds(5)) > 0) ? Duration.ofSeconds(5) : quarter;
	}

}
