package dev.clickstream.listener.sketches;

import java.time.Instant;

import dev.clickstream.model.ClickEvent;
import dev.clickstream.model.CountedEvent;

/** Events for the sketches, as counting reads them. */
public final class TestEvents {

	private TestEvents() {
	}

	public static CountedEvent click(String eventName, String userId, String productId) {
		return CountedEvent.of(new ClickEvent(Instant.parse("2026-01-01T00:00:00Z"), productId, eventName, userId));
	}

}
