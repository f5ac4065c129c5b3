package dev.clickstream.listener.counting;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A batch of records built by a test, in the order they are added. */
final class TestBatch implements EventBatch {

	static final String EVENT = "{\"date\":\"2020-03-25T19:05:49UTC\",\"productId\":\"4pqurkxx3oku8yj\",\"eventName\":\"%s\",\"userId\":\"ur0kzmbj\"}";

	private final List<Entry> entries = new ArrayList<>();

	/** A click event of the given name. */
	TestBatch event(int partition, long offset, long timestamp, String eventName) {
		return record(partition, offset, timestamp, EVENT.formatted(eventName).getBytes(StandardCharsets.UTF_8));
	}

	/** A click event of the given name and date, such as {@code 2026-01-01T00:00:10UTC}. */
	TestBatch eventAt(int partition, long offset, String date, String eventName) {
		return record(partition, offset, 0, ("{\"date\":\"" + date
				+ "\",\"productId\":\"4pqurkxx3oku8yj\",\"eventName\":\"" + eventName + "\",\"userId\":\"ur0kzmbj\"}")
			.getBytes(StandardCharsets.UTF_8));
	}

	/** A click event of the given name, date, user and product. */
	TestBatch click(int partition, long offset, String date, String eventName, String userId, String productId) {
		return record(partition, offset, 0, ("{\"date\":\"" + date + "\",\"productId\":\"" + productId
				+ "\",\"eventName\":\"" + eventName + "\",\"userId\":\"" + userId + "\"}")
			.getBytes(StandardCharsets.UTF_8));
	}

	TestBatch record(int partition, long offset, long timestamp, byte @Nullable [] value) {
		this.entries.add(new Entry(partition, offset, timestamp, value));
		return this;
	}

	@Override
	public int size() {
		return this.entries.size();
	}

	@Override
	public int partition(int index) {
		return this.entries.get(index).partition();
	}

	@Override
	public long offset(int index) {
		return this.entries.get(index).offset();
	}

	@Override
	public long timestamp(int index) {
		return this.entries.get(index).timestamp();
	}

	@Override
	public byte @Nullable [] value(int index) {
		return this.entries.get(index).value();
	}

	private record Entry(int partition, long offset, long timestamp, byte @Nullable [] value) {
	}

}
