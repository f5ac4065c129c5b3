package dev.clickstream.model;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class CompactClickEventsTest {

	static final String EVENT = "{\"date\":\"2020-03-25T19:05:49UTC\",\"productId\":\"4pqurkxx3oku8yj\",\"eventName\":\"productview\",\"userId\":\"ur0kzmbj\"}";

	final ClickEventReader reader = new ClickEventReader(1024);

	@Test
	void readsTheNameOfEventsAsTheGeneratorWritesThem() {
		JsonMapper json = JsonMapper.builder().build();
		SplittableRandom random = new SplittableRandom(7);
		String[] names = { "productview", "purchase", "addtobasket", "removefrombasket" };
		for (int i = 0; i < 10_000; i++) {
			ClickEvent event = new ClickEvent(
					Instant.ofEpochSecond(random.nextLong(0, 4_102_444_800L)).truncatedTo(ChronoUnit.SECONDS),
					Long.toString(random.nextLong(Long.MAX_VALUE), 36), names[random.nextInt(names.length)],
					Integer.toString(random.nextInt(Integer.MAX_VALUE), 36));
			byte[] bytes = json.writeValueAsBytes(event);

			assertThat(CompactClickEvents.eventName(bytes)).as(new String(bytes, StandardCharsets.UTF_8))
				.isEqualTo(event.eventName());
			assertThat(CompactClickEvents.read(bytes)).as(new String(bytes, StandardCharsets.UTF_8))
				.isEqualTo(new TimedEventName(event.eventName(), event.date().getEpochSecond()));
			assertThat(CompactClickEvents.event(bytes)).as(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(event);
			CountedEvent counted = CompactClickEvents.counted(bytes);
			assertThat(counted).extracting(CountedEvent::eventName, CountedEvent::epochSecond, CountedEvent::userIdText,
					CountedEvent::productId)
				.containsExactly(event.eventName(), event.date().getEpochSecond(), event.userId(), event.productId());
		}
	}

	@Test
	void readsTheSameEventWithAndWithoutTheCompactForm() {
		ClickEventReader parsing = new ClickEventReader(1024, false);
		byte[] compact = EVENT.getBytes(StandardCharsets.UTF_8);
		ClickEvent expected = new ClickEvent(Instant.parse("2020-03-25T19:05:49Z"), "4pqurkxx3oku8yj", "productview",
				"ur0kzmbj");

		assertThat(CompactClickEvents.event(compact)).isEqualTo(expected);
		assertThat(this.reader.read(compact)).isEqualTo(expected);
		assertThat(parsing.read(compact)).isEqualTo(expected);
		assertThat(CompactClickEvents.event(EVENT.replace(",", ", ").getBytes(StandardCharsets.UTF_8))).isNull();
		// Through the parser, as a record not in the compact form is read, counting gets the same ids.
		CountedEvent parsed = parsing.countedEvent(compact);
		CountedEvent scanned = this.reader.countedEvent(compact);
		assertThat(parsed.userId()).isEqualTo(scanned.userId());
		assertThat(parsed).extracting(CountedEvent::eventName, CountedEvent::epochSecond, CountedEvent::productId)
			.containsExactly(scanned.eventName(), scanned.epochSecond(), scanned.productId());
	}

	@Test
	void readsTheSameNameAndDateWithAndWithoutTheCompactForm() {
		ClickEventReader parsing = new ClickEventReader(1024, false);
		byte[] compact = EVENT.getBytes(StandardCharsets.UTF_8);
		byte[] spaced = EVENT.replace(",", ", ").getBytes(StandardCharsets.UTF_8);
		TimedEventName expected = new TimedEventName("productview",
				Instant.parse("2020-03-25T19:05:49Z").getEpochSecond());

		assertThat(this.reader.timedEventName(compact)).isEqualTo(expected);
		assertThat(this.reader.timedEventName(spaced)).isEqualTo(expected);
		assertThat(parsing.timedEventName(compact)).isEqualTo(expected);
	}

	@Test
	void withoutTheCompactFormEveryNameIsTheParsersAndTheSame() {
		ClickEventReader parsing = new ClickEventReader(1024, false);
		for (String name : new String[] { "productview", "purchase", "addtobasket", "removefrombasket" }) {
			byte[] bytes = EVENT.replace("productview", name).getBytes(StandardCharsets.UTF_8);

			assertThat(parsing.eventName(bytes)).isEqualTo(this.reader.eventName(bytes)).isEqualTo(name);
		}
	}

	@Test
	void acceptsTheFieldsInAnyOrder() {
		assertThat(CompactClickEvents.eventName(bytes(
				"{\"userId\":\"u\",\"eventName\":\"purchase\",\"productId\":\"p\",\"date\":\"2020-02-29T23:59:59UTC\"}")))
			.isEqualTo("purchase");
	}

	/** Each is a click event or a poison record that only the full parser may judge. */
	@ParameterizedTest
	@ValueSource(strings = {
			// valid, but not compact
			"{ \"date\":\"2020-03-25T19:05:49UTC\",\"productId\":\"p\",\"eventName\":\"purchase\",\"userId\":\"u\"}",
			"{\"date\":\"2020-03-25T19:05:49Z\",\"productId\":\"p\",\"eventName\":\"purchase\",\"userId\":\"u\"}",
			"{\"date\":\"2020-03-25T19:05:49UTC\",\"productId\":\"p\",\"eventName\":\"pur\\u0063hase\",\"userId\":\"u\"}",
			"{\"date\":\"2020-03-25T19:05:49UTC\",\"productId\":\"p\",\"eventName\":\"purchase\",\"userId\":\"u\",\"x\":1}",
			"{\"date\":\"2020-03-25T19:05:49UTC\",\"productId\":\"p\",\"eventName\":\"kaufen\",\"eventName\":\"purchase\",\"userId\":\"u\"}",
			"{\"date\":\"2020-03-25T19:05:49UTC\",\"productId\":\"p\",\"eventName\":\"achète\",\"userId\":\"u\"}",
			// poison
			"{\"date\":\"2021-02-29T19:05:49UTC\",\"productId\":\"p\",\"eventName\":\"purchase\",\"userId\":\"u\"}",
			"{\"date\":\"2020-03-25T24:00:00UTC\",\"productId\":\"p\",\"eventName\":\"purchase\",\"userId\":\"u\"}",
			"{\"date\":\"2020-03-25T19:05:60UTC\",\"productId\":\"p\",\"eventName\":\"purchase\",\"userId\":\"u\"}",
			"{\"date\":\"2020-00-25T19:05:49UTC\",\"productId\":\"p\",\"eventName\":\"purchase\",\"userId\":\"u\"}",
			"{\"date\":\"2020-03-2aT19:05:49UTC\",\"productId\":\"p\",\"eventName\":\"purchase\",\"userId\":\"u\"}",
			"{\"date\":\"2020-03-25T19:05:49UTC\",\"productId\":\"p\",\"eventName\":\"  \",\"userId\":\"u\"}",
			"{\"date\":\"2020-03-25T19:05:49UTC\",\"productId\":\"\",\"eventName\":\"purchase\",\"userId\":\"u\"}",
			"{\"date\":\"2020-03-25T19:05:49UTC\",\"productId\":\"p\",\"eventName\":\"purchase\"}",
			"{\"date\":\"2020-03-25T19:05:49UTC\",\"productId\":\"p\",\"eventName\":42,\"userId\":\"u\"}",
			"{\"date\":\"2020-03-25T19:05:49UTC\",\"productId\":\"p\",\"eventName\":\"purchase\",\"userId\":\"u\"}}",
			"{\"date\":\"2020-03-25T19:05:49UTC\",\"productId\":\"p\",\"eventName\":\"purchase\",\"userId\":\"u\",}",
			"{\"date\":\"2020-03-25T19:05:49UTC\",\"productId\":\"p\",\"eventName\":\"purchase\",\"userId\":\"u}",
			"{\"date\":\"2020-03-25T19:05:49UTC\",\"productId\":\"p\",\"eventName\":\"purchase\",\"userId\"}",
			"{\"date\":\"2020-03-25T19:05:49UTC\",\"productId\":\"p\",\"eventName\":\"purchase\",\"userId\":}",
			"{\"date\":\"2020-03-25T19:05:49UTC\",\"productId\":\"p\",\"eventName\":\"purchase\",\"userId\":\"}",
			"{\"date\"}", "{\"\"}", "{\"", "{}", "{,}", "{\"date\":\"2020-03-25T19:05:49UTC\",}", "[1]", "x" })
	void leavesEverythingUnusualToTheFullParser(String json) {
		assertThat(CompactClickEvents.eventName(bytes(json))).isNull();
	}

	/** Whatever the reader's own answer, eventName gives the same: a name, or a rejection with the same reason. */
	@ParameterizedTest
	@ValueSource(strings = { EVENT,
			"{\"date\":\"2020-03-25T19:05:49Z\",\"productId\":\"p\",\"eventName\":\"purchase\",\"userId\":\"u\"}",
			"{\"date\":\"2021-02-29T19:05:49UTC\",\"productId\":\"p\",\"eventName\":\"purchase\",\"userId\":\"u\"}",
			"{\"date\":\"2020-03-25T19:05:49UTC\",\"productId\":\"p\",\"eventName\":\"  \",\"userId\":\"u\"}",
			"{\"date\":\"2020-03-25T19:05:49UTC\",\"productId\":\"p\",\"eventName\":\"purchase\",\"userId\":\"u\"}}",
			"{\"date\":\"2020-03-25T19:05:49UTC\",\"productId\":\"p\",\"eventName\":\"purchase\"}", "[1]", "", "x" })
	void eventNameAgreesWithRead(String json) {
		byte[] bytes = bytes(json);
		Throwable readRejection = catchThrowable(() -> this.reader.read(bytes));
		Throwable nameRejection = catchThrowable(() -> this.reader.eventName(bytes));

		if (readRejection == null) {
			assertThat(nameRejection).isNull();
			assertThat(this.reader.eventName(bytes)).isEqualTo(this.reader.read(bytes).eventName());
		}
		else {
			assertThat(nameRejection).isInstanceOf(InvalidClickEventException.class);
			assertThat(((InvalidClickEventException) nameRejection).reason())
				.isEqualTo(((InvalidClickEventException) readRejection).reason());
		}
	}

	@Test
	void checksDatesAsTheSeedParserDoes() {
		for (String date : new String[] { "2020-02-29T00:00:00UTC", "2019-02-29T00:00:00UTC", "2020-04-31T00:00:00UTC",
				"2020-12-31T23:59:59UTC", "2020-13-01T00:00:00UTC", "0000-02-29T00:00:00UTC", "2020-01-01 00:00:00UTC",
				"2020-01-01T00:00:00UTZ" }) {
			byte[] bytes = bytes(date);
			boolean parses = catchThrowable(() -> SeedTime.parse(date)) == null;

			assertThat(SeedTime.isSeedFormat(bytes, 0, bytes.length)).as(date).isEqualTo(parses);
		}
	}

	static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
