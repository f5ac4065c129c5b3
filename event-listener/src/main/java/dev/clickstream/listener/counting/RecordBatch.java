package dev.clickstream.listener.counting;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;

/** The client's records as counting reads them, without copying. */
record RecordBatch(List<ConsumerRecord<String, byte[]>> records) implements EventBatch {

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
