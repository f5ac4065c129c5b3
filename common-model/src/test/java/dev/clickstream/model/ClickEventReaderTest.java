package dev.clickstream.model;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import dev.clickstream.model.InvalidClickEventException.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ClickEventReaderTest {

	final ClickEventReader reader = new ClickEventReader(1024);

	@Test
	void readsTheSeedsClickEvent() {
		ClickEvent event = this.reader.read(bytes(SeedFormatTest.SEED_CLICK));

		assertThat(event).isEqualTo(new ClickEvent(Instant.parse("2020-03-25T19:05:49Z"), "4pqurkxx3oku8yj",
				"productview", "ur0kzmbj"));
	}

	@Test
	void skipsUnknownFieldsOfNewerSchemas() {
		ClickEvent event = this.reader.read(bytes(
				"{\"schema\":2,\"date\":\"2020-03-25T19:05:49Z\",\"extra\":{\"a\":[1,2]},\"productId\":\"p\",\"eventName\":\"purchase\",\"userId\":\"u\"}"));

		assertThat(event.eventName()).isEqualTo("purchase");
		assertThat(event.date()).isEqualTo(Instant.parse("2020-03-25T19:05:49Z"));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"EMPTY             | ''",
			"NOT_JSON          | not json at all",
			"NOT_JSON          | {\"date\":\"2020-03-25T19:05:49UTC\",",
			"NOT_JSON          | {\"eventName\":\"purchase\"} trailing",
			"NOT_AN_OBJECT     | [1,2,3]",
			"NOT_AN_OBJECT     | \"just a string\"",
			"MISSING_FIELD     | {\"date\":\"2020-03-25T19:05:49UTC\",\"productId\":\"p\",\"userId\":\"u\"}",
			"MISSING_FIELD     | {\"date\":\"2020-03-25T19:05:49UTC\",\"productId\":\"p\",\"eventName\":null,\"userId\":\"u\"}",
			"MISSING_FIELD     | {\"date\":\"2020-03-25T19:05:49UTC\",\"productId\":\"p\",\"eventName\":\"  \",\"userId\":\"u\"}",
			"WRONG_TYPE        | {\"date\":\"2020-03-25T19:05:49UTC\",\"productId\":\"p\",\"eventName\":42,\"userId\":\"u\"}",
			"WRONG_TYPE        | {\"date\":\"2020-03-25T19:05:49UTC\",\"productId\":[\"p\"],\"eventName\":\"purchase\",\"userId\":\"u\"}",
			"BAD_DATE          | {\"date\":\"25/03/2020\",\"productId\":\"p\",\"eventName\":\"purchase\",\"userId\":\"u\"}",
			"BAD_DATE          | {\"date\":\"2020-13-45T99:05:49UTC\",\"productId\":\"p\",\"eventName\":\"purchase\",\"userId\":\"u\"}" })
	void saysWhyARecordIsNotAClickEvent(Reason reason, String json) {
		InvalidClickEventException rejection = catchThrowableOfType(InvalidClickEventException.class,
				() -> this.reader.read(bytes(json)));

		assertThat(rejection).as("rejection of %s", json).isNotNull();
		assertThat(rejection.reason()).isEqualTo(reason);
		assertThat(rejection.getMessage()).isNotBlank();
	}

	@Test
	void aNullValueIsEmpty() {
		assertThat(catchThrowableOfType(InvalidClickEventException.class, () -> this.reader.read(null)).reason())
			.isEqualTo(Reason.EMPTY);
	}

	@Test
	void bytesThatAreNotUtf8AreToldApartFromBadJson() {
		byte[] latin1 = "{\"eventName\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);

		assertThat(catchThrowableOfType(InvalidClickEventException.class, () -> this.reader.read(latin1)).reason())
			.isEqualTo(Reason.NOT_UTF8);
	}

	@Test
	void refusesRecordsFarLargerThanAClickEvent() {
		String padded = SeedFormatTest.SEED_CLICK.replace("}", ",\"padding\":\"" + "x".repeat(2000) + "\"}");

		InvalidClickEventException rejection = catchThrowableOfType(InvalidClickEventException.class,
				() -> this.reader.read(bytes(padded)));
		assertThat(rejection.reason()).isEqualTo(Reason.TOO_LARGE);
		assertThat(rejection.getMessage()).contains("at most 1024");
	}

	@Test
	void reasonsBecomeTagValues() {
		assertThat(Reason.UNKNOWN_EVENT_NAME.tag()).isEqualTo("unknown-event-name");
	}

	static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
