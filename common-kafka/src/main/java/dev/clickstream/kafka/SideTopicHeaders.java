package dev.clickstream.kafka;

/**
 * The headers of the side topics, dead letters and late events: what the listener writes and the dashboard (or any
 * other client) reads back. Every value is UTF-8 text. A side topic's record is the event topic's record unchanged,
 * its own headers first, then these.
 */
public final class SideTopicHeaders {

	/** The prefix of the dead letters' headers. */
	public static final String DEAD_LETTERS = "dlt";

	/** Why the record is not a click event: a reason's tag, such as {@code not-json} or {@code unknown-event-name}. */
	public static final String DEAD_LETTER_REASON = DEAD_LETTERS + ".reason";

	/** What exactly was wrong with it, for a person. */
	public static final String DEAD_LETTER_DETAIL = DEAD_LETTERS + ".detail";

	/** The prefix of the late events' headers. */
	public static final String LATE_EVENTS = "late";

	/** The start of the window the event came too late for, in the seed's format: {@code 2026-01-01T00:01:00UTC}. */
	public static final String LATE_WINDOW_START = LATE_EVENTS + ".window.start";

	/** How long after its window's end the event came, in whole seconds of event time, as a decimal number. */
	public static final String LATE_LATENESS_SECONDS = LATE_EVENTS + ".lateness.seconds";

	private SideTopicHeaders() {
	}

	/** The topic the record was copied from, under a side topic's prefix. */
	public static String originalTopic(String prefix) {
		return prefix + ".original.topic";
	}

	/** The partition it was copied from, as a decimal number. */
	public static String originalPartition(String prefix) {
		return prefix + ".original.partition";
	}

	/** Its offset there, as a decimal number. */
	public static String originalOffset(String prefix) {
		return prefix + ".original.offset";
	}

}
