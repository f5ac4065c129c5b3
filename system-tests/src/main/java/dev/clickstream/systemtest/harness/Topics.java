package dev.clickstream.systemtest.harness;

/** The topics of the services' contract, named once for every system test. */
public final class Topics {

	/** Click events from the producer, keyed by userId; three partitions. */
	public static final String EVENTS = "event-topic";

	/** Counts snapshots from the listener, written in transactions; one partition, so the newest is the totals. */
	public static final String UNIQUE_EVENTS = "unique-event-topic";

	/** The listener's own changelog of its counts. */
	public static final String COUNTS_CHANGELOG = "event-counts-changelog";

	private Topics() {
	}

}
