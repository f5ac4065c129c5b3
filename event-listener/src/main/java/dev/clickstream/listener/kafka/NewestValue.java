package dev.clickstream.listener.kafka;

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

import dev.clickstream.kafka.ReadCommittedConsumers;


/**
 * Follows a one-partition topic of which only the newest committed record matters, read as JSON of a type: after a
 * restart it reads that record, never the whole topic. A record of another shape is logged and passed over.
 *
 * @param <T> the records' type
 */
public abstract class NewestValue<T> extends TopicFollower {

	private static final Logger logger = LoggerFactory.getLogger(NewestValue.class);

	private final JsonMapper jsonMapper;

	private final Class<T> type;

	private final AtomicReference<T> latest = new AtomicReference<>();

	protected NewestValue(ReadCommittedConsumers consumers, String name, String topic, JsonMapper jsonMapper,
			Class<T> type) {
		super(consumers, name, new TopicPartition(topic, 0));
		this.jsonMapper = jsonMapper;
		this.type = type;
	}

	/**
	 * The newest committed value; empty before the first one is read, or if none was ever published: which of the
	 * two, {@link #isLoaded()} tells.
	 */
	public Optional<T> current() {
		return Optional.ofNullable(this.latest.get());
	}

	@Override
	protected void catchUp(Consumer<String, byte[]> consumer) {
		LastCommittedRecords.find(consumer, List.of(partition()), Duration.ofSeconds(30)).values().forEach(this::accept);
	}

	@Override
	protected void accept(ConsumerRecord<String, byte[]> record) {
		try {
			this.latest.set(this.jsonMapper.readValue(record.value(), this.type));
		}
		catch (RuntimeException ex) {
			logger.warn("Ignored a record on {} at offset {} that is not a {}: {}", partition(), record.offset(),
					this.type.getSimpleName(), ex.getMessage());
		}
	}

}
