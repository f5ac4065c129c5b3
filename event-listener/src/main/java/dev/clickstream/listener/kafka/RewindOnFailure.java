package dev.clickstream.listener.kafka;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import org.springframework.kafka.listener.ConsumerSeekAware.ConsumerSeekCallback;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Reads a batch again from its start when its transaction does not commit. spring-kafka's container does so after an
 * ordinary rollback, but not when the commit fails with a fenced producer: it then polls on, and the records of the
 * failed batch would never be processed. Seeking back twice to the same offsets is harmless.
 */
public final class RewindOnFailure {

	// Each consumer thread registers its own callback, and the listener runs on that thread.
	private final ThreadLocal<ConsumerSeekCallback> callbacks = new ThreadLocal<>();

	/** To be called from {@code ConsumerSeekAware.registerSeekCallback}. */
	public void register(ConsumerSeekCallback callback) {
		this.callbacks.set(callback);
	}

	/**
	 * Registers with the current transaction: unless it commits, every partition in the batch is read again from the
	 * batch's first offset.
	 */
	public void rewindIfNotCommitted(List<? extends ConsumerRecord<?, ?>> batch) {
		rewindIfNotCommitted(batch, () -> {
		});
	}

	/**
	 * Like {@link #rewindIfNotCommitted(List)}, and runs {@code onFailure} first.
	 */
	public void rewindIfNotCommitted(List<? extends ConsumerRecord<?, ?>> batch, Runnable onFailure) {
		Map<TopicPartition, Long> firstOffsets = new HashMap<>();
		int previousPartition = -1;
		for (ConsumerRecord<?, ?> record : batch) {
			// A poll returns each partition's records together: look up only where the partition changes.
			if (record.partition() != previousPartition) {
				firstOffsets.putIfAbsent(new TopicPartition(record.topic(), record.partition()), record.offset());
				previousPartition = record.partition();
			}
		}
		ConsumerSeekCallback seeks = this.callbacks.get();
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				if (status != STATUS_COMMITTED) {
					onFailure.run();
					if (seeks != null) {
						firstOffsets.forEach((partition, offset) -> seeks.seek(partition.topic(),
								partition.partition(), offset));
					}
				}
			}
		});
	}

}
