package dev.clickstream.dashboard;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StreamEventTest {

	@Test
	void isTheEventAsTheStreamCarriesIt() {
		assertThat(event("windows", "[{\"a\":1}]", null)).hasToString("event:windows\ndata:[{\"a\":1}]\n\n");
	}

	@Test
	void aReconnectionTimeGoesWithTheEvent() {
		assertThat(event("history", "{}", 2_000L)).hasToString("event:history\ndata:{}\nretry:2000\n\n");
	}

	@Test
	void eachLineOfTheDataIsADataFieldOfItsOwnSoThatNoLineBreakEndsTheEvent() {
		assertThat(event("generator", "{\n  \"rate\": 10\r\n}", null))
			.hasToString("event:generator\ndata:{\ndata:  \"rate\": 10\ndata:}\n\n");
	}

	@Test
	void twoEventsAreTheSameWhenTheirBytesAre() {
		assertThat(event("rates", "{\"r\":1}", null)).isEqualTo(event("rates", "{\"r\":1}", null))
			.hasSameHashCodeAs(event("rates", "{\"r\":1}", null))
			.isNotEqualTo(event("rates", "{\"r\":2}", null))
			.isNotEqualTo(event("late", "{\"r\":1}", null));
	}

	private static StreamEvent event(String name, String json, Long retryMillis) {
		return StreamEvent.of(name, json.getBytes(StandardCharsets.UTF_8), retryMillis);
	}

}
