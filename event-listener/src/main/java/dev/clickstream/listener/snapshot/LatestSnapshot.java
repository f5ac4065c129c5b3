package dev.clickstream.listener.snapshot;

import tools.jackson.databind.json.JsonMapper;

import dev.clickstream.kafka.ClickstreamTopics;
import dev.clickstream.kafka.ReadCommittedConsumers;
import dev.clickstream.listener.kafka.NewestValue;
import dev.clickstream.model.CountsSnapshot;

import org.springframework.stereotype.Component;

/**
 * Follows the snapshot topic as any reader would: the newest committed snapshot is the current totals. Every instance
 * follows it, whichever instance publishes.
 */
@Component
public class LatestSnapshot extends NewestValue<CountsSnapshot> {

	LatestSnapshot(ReadCommittedConsumers consumers, JsonMapper jsonMapper, ClickstreamTopics topics) {
		super(consumers, "latest-snapshot", topics.uniqueEvents().name(), jsonMapper, CountsSnapshot.class);
	}

}
