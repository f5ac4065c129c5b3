package dev.clickstream.listener.snapshot;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import dev.clickstream.kafka.ClickstreamTopics;
import dev.clickstream.listener.kafka.LastCommittedRecords;
import dev.clickstream.listener.kafka.ReadCommittedConsumers;
import dev.clickstream.listener.kafka.TopicFollower;
import dev.clickstream.model.CountsSnapshot;

import org.springframework.stereotype.Component;

/**
 * Follows the snapshot topic as any reader would: the newest committed snapshot is the current totals. Every instance
 * follows it, whichever instance publishes.
 */
@Component
public class LatestSnapshot extends TopicFollower {

	private static final Logger logger = LoggerFactory.getLogger(LatestSnapshot.class);

	private final JsonMapper jsonMapper;

	private final AtomicReference<CountsSnapshot> latest = new AtomicReference<>();

	LatestSnapshot(ReadCommittedConsumers consumers, JsonMapper jsonMapper, ClickstreamTopics topics) {
		super(consumers, "latest-snapshot", new TopicPartition(topics.uniqueEvents().name(), 0));
		this.jsonMapper = jsonMapper;
	}

	/**
	 * The newest committed snapshot; empty before the first one is read, or if none was ever published: which of the
	 * two, {@link #isLoaded()} tells.
	 */
	public Optional<CountsSnapshot> current() {
		return Optional.ofNullable(this.latest.get());
	}

	@Override
	protected void catchUp(Consumer<String, byte[]> consumer) {
		LastCommittedRecords.find(consumer, List.of(partition()), Duration.ofSeconds(30)).values().forEach(this::accept);
	}

	@Override
	protected void accept(ConsumerRecord<String, byte[]> record) {
		try {
			this.latest.set(this.jsonMapper.readValue(record.value(), CountsSnapshot.class));
		}
		catch (RuntimeException ex) {
			logger.warn("Ignored a record on {} at offset {} that is not a counts snapshot: {}", partition(),
					record.offset(), ex.getMessage());
		}
	}

}
