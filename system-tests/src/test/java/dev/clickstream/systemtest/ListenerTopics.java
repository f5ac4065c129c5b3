package dev.clickstream.systemtest;

import java.util.List;

import dev.clickstream.kafka.ClickstreamTopics;

/**
 * The names of every topic a listener writes. A listener started with {@link #arguments()} of other names than
 * another's shares no state and no output with it on the same broker: both count the same event topic, each on its
 * own.
 */
record ListenerTopics(String changelog, String windowChangelog, String uniqueEvents, String windowResults,
		String allTime, String checkpoints, String deadLetters, String lateEvents) {

	/** The names a listener of the default configuration writes, as {@link dev.clickstream.systemtest.harness.Topics}. */
	static ListenerTopics defaults() {
		ClickstreamTopics topics = ClickstreamTopics.defaults();
		return new ListenerTopics(topics.changelog().name(), topics.windowChangelog().name(),
				topics.uniqueEvents().name(), topics.windowResults().name(), topics.allTime().name(),
				topics.checkpoints().name(), topics.deadLetterName(), topics.lateEventsName());
	}

	/** The default names, each after {@code prefix} and a dot. */
	static ListenerTopics prefixed(String prefix) {
		ListenerTopics defaults = defaults();
		return new ListenerTopics(prefix + "." + defaults.changelog, prefix + "." + defaults.windowChangelog,
				prefix + "." + defaults.uniqueEvents, prefix + "." + defaults.windowResults,
				prefix + "." + defaults.allTime, prefix + "." + defaults.checkpoints, prefix + "." + defaults.deadLetters, prefix + "." + defaults.lateEvents);
	}

	/** The listener's command-line arguments that name these topics. */
	List<String> arguments() {
		return List.of("--clickstream.topics.changelog.name=" + this.changelog,
				"--clickstream.topics.window-changelog.name=" + this.windowChangelog,
				"--clickstream.topics.unique-events.name=" + this.uniqueEvents,
				"--clickstream.topics.window-results.name=" + this.windowResults,
				"--clickstream.topics.all-time.name=" + this.allTime,
				"--clickstream.topics.checkpoints.name=" + this.checkpoints,
				"--clickstream.topics.dead-letters.name=" + this.deadLetters,
				"--clickstream.topics.late-events.name=" + this.lateEvents);
	}

}
