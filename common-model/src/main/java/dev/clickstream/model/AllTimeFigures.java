package dev.clickstream.model;

import java.time.Instant;

import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * The unique users and top products over every event counted, as the event-listener writes them to the summary topic
 * in the transaction of the counts snapshot they match.
 *
 * @param uniqueUsers distinct users of all events
 * @param topProducts the most viewed and bought products
 * @param complete false if a partition was counted by a version without these figures: they then cover only the events
 * counted since
 * @param receiveAt when these figures were published, in UTC, to the second
 */
public record AllTimeFigures(UniqueUsers uniqueUsers, TopProducts topProducts, boolean complete,
		@JsonSerialize(using = SeedTimeSerializer.class) @JsonDeserialize(using = SeedTimeDeserializer.class) Instant receiveAt) {

}
