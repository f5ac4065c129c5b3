package dev.clickstream.dashboard;

import java.time.Duration;

/**
 * The newest records of a topic, for the pages whose stream tails it. The stream reads each tailed topic at most
 * every {@link #interval()}, once for all the pages that tail it.
 */
public interface TopicTail {

	/** Whether the topic is one a page may tail. */
	boolean canTail(String topic);

	/** The least time between two reads of one topic. */
	Duration interval();

	/** The topic's newest records as JSON; throws when they cannot be read now, as {@link StreamedView#json()}. */
	byte[] newestJson(String topic);

}
