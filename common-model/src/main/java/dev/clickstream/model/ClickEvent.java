package dev.clickstream.model;

import java.time.Instant;

import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * One click on the shop, as the generator writes it to {@code event-topic}:
 * {@code {"date":"2020-03-25T19:05:49UTC","productId":"4pqurkxx3oku8yj","eventName":"productview","userId":"ur0kzmbj"}}.
 *
 * @param date when the click happened, in UTC, to the second
 * @param productId the product clicked
 * @param eventName what the user did, for example {@code productview} or {@code purchase}
 * @param userId who clicked; also the Kafka record key, so one user's clicks stay in order
 */
public record ClickEvent(
		@JsonSerialize(using = SeedTimeSerializer.class) @JsonDeserialize(using = SeedTimeDeserializer.class) Instant date,
		String productId, String eventName, String userId) {

}
