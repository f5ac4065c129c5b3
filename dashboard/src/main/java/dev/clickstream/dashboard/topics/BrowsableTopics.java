package dev.clickstream.dashboard.topics;

import java.util.List;
import java.util.Optional;

import dev.clickstream.kafka.ClickstreamTopics;

/**
 * The topics the browser shows, each with its role in the pipeline: what the services write for people and other
 * readers. The changelogs and checkpoints are the listener's own state and stay out.
 */
final class BrowsableTopics {

	/**
	 * @param name the topic
	 * @param role {@code events}, {@code snapshots}, {@code window-results}, {@code dead-letters} or
	 * {@code late-events}
	 */
	record BrowsableTopic(String name, String role) {
	}

	private final List<BrowsableTopic> topics;

	BrowsableTopics(ClickstreamTopics topics) {
		this.topics = List.of(new BrowsableTopic(topics.events().name(), "events"),
				new BrowsableTopic(topics.uniqueEvents().name(), "snapshots"),
				new BrowsableTopic(topics.windowResults().name(), "window-results"),
				new BrowsableTopic(topics.deadLetterName(), "dead-letters"),
				new BrowsableTopic(topics.lateEventsName(), "late-events"));
	}

	List<BrowsableTopic> all() {
		return this.topics;
	}

	Optional<BrowsableTopic> find(String name) {
		return this.topics.stream().filter(topic -> topic.name().equals(name)).findFirst();
	}

}
