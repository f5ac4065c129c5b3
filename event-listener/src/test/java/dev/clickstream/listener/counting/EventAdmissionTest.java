package dev.clickstream.listener.counting;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.clickstream.listener.EventListenerProperties.Counting.UnknownEventNames;
import dev.clickstream.model.ClickEventReader;
import dev.clickstream.model.InvalidClickEventException;
import dev.clickstream.model.InvalidClickEventException.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class EventAdmissionTest {

	static final byte[] SHARE = "{\"date\":\"2020-03-25T19:05:49UTC\",\"productId\":\"p\",\"eventName\":\"share\",\"userId\":\"u\"}"
		.getBytes(StandardCharsets.UTF_8);

	static final byte[] PURCHASE = "{\"date\":\"2020-03-25T19:05:49UTC\",\"productId\":\"p\",\"eventName\":\"purchase\",\"userId\":\"u\"}"
		.getBytes(StandardCharsets.UTF_8);

	@Test
	void countsKnownNames() {
		assertThat(admission(UnknownEventNames.DEAD_LETTER).admit(PURCHASE)).isEqualTo("purchase");
	}

	@Test
	void refusesUnknownNamesByDefault() {
		InvalidClickEventException rejection = catchThrowableOfType(InvalidClickEventException.class,
				() -> admission(UnknownEventNames.DEAD_LETTER).admit(SHARE));

		assertThat(rejection.reason()).isEqualTo(Reason.UNKNOWN_EVENT_NAME);
		assertThat(rejection.getMessage()).contains("\"share\"");
	}

	@Test
	void countsUnknownNamesUnderTheirOwnNameWhenConfigured() {
		assertThat(admission(UnknownEventNames.COUNT).admit(SHARE)).isEqualTo("share");
	}

	static EventAdmission admission(UnknownEventNames unknownEventNames) {
		return new EventAdmission(new ClickEventReader(4096), List.of("purchase", "productview"), unknownEventNames);
	}

}
