package dev.clickstream.listener.summary;

import tools.jackson.databind.json.JsonMapper;

import dev.clickstream.kafka.ClickstreamTopics;
import dev.clickstream.kafka.ReadCommittedConsumers;
import dev.clickstream.listener.kafka.NewestValue;
import dev.clickstream.model.AllTimeFigures;

import org.springframework.stereotype.Component;

/** Follows the all-time figures' topic: its newest committed record is current, whichever instance published it. */
@Component
class LatestAllTime extends NewestValue<AllTimeFigures> {

	LatestAllTime(ReadCommittedConsumers consumers, JsonMapper jsonMapper, ClickstreamTopics topics) {
		super(consumers, "latest-all-time", topics.allTime().name(), jsonMapper, AllTimeFigures.class);
	}

}
