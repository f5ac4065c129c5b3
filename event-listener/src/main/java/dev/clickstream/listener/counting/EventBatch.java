package dev.clickstream.listener.counting;

import org.jspecify.annotations.Nullable;

/**
 * One poll's records as counting sees them, without the client's types: position, timestamp and bytes of each. The
 * records of one partition come in offset order.
 */
interface EventBatch {

	int size();

	int partition(int index);

	long offset(int index);

	/** The record's timestamp, in epoch milliseconds. */
	long timestamp(int index);

	byte @Nullable [] value(int index);

}
