package dev.clickstream.systemtest.harness;

import dev.clickstream.kafka.ClickstreamTopics;

/**
 * The names of the services' topics as the system tests run them: with the defaults of {@link ClickstreamTopics},
 * since {@link ProcessGroup#startService} configures no topic.
 */
public final class Topics {

	private static final ClickstreamTopics DEFAULTS = ClickstreamTopics.defaults();

	/** Click events from the producer, keyed by userId. */
	public static final String EVENTS = DEFAULTS.events().name();

	/** Counts snapshots from the listener, written in transactions; one partition, so the newest is the totals. */
	public static final String UNIQUE_EVENTS = DEFAULTS.uniqueEvents().name();

	/** The records of the event topic that are not click events. */
	public static final String DEAD_LETTERS = DEFAULTS.deadLetterName();

	public static final String LATE_EVENTS = DEFAULTS.lateEventsName();

	public static final String WINDOW_RESULTS = DEFAULTS.windowResults().name();

	private Topics() {
	}

}
