package dev.clickstream.listener.summary;

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
import dev.clickstream.model.AllTimeFigures;

import org.springframework.stereotype.Component;

/** Follows the all-time figures' topic: its newest committed record is current, whichever instance published it. */
@Component
class LatestAllTime extends TopicFollower {

	private static final Logger logger = LoggerFactory.getLogger(LatestAllTime.class);

	private final JsonMapper jsonMapper;

	private final AtomicReference<AllTimeFigures> latest = new AtomicReference<>();

	LatestAllTime(ReadCommittedConsumers consumers, JsonMapper jsonMapper, ClickstreamTopics topics) {
		super(consumers, "latest-all-time", new TopicPartition(topics.allTime().name(), 0));
		this.jsonMapper = jsonMapper;
	}

	/** The newest figures; empty before they are read, or if none were ever published. */
	Optional<AllTimeFigures> current() {
		return Optional.ofNullable(this.latest.get());
	}

	@Override
	protected void catchUp(Consumer<String, byte[]> consumer) {
		LastCommittedRecords.find(consumer, List.of(partition()), Duration.ofSeconds(30)).values().forEach(this::accept);
	}

	@Override
	protected void accept(ConsumerRecord<String, byte[]> record) {
		try {
			this.latest.set(this.jsonMapper.readValue(record.value(), AllTimeFigures.class));
		}
		catch (RuntimeException ex) {
			logger.warn("Ignored a record on {} at offset {} that is not all-time figures: {}", partition(),
					record.offset(), ex.getMessage());
		}
	}

}
