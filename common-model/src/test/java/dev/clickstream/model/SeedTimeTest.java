package dev.clickstream.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SeedTimeTest {

	@Test
	void readsWhatTheFormatterReadsForAnyInstant() {
		SplittableRandom random = new SplittableRandom(7);
		for (int i = 0; i < 10_000; i++) {
			String text = SeedTime.format(Instant.ofEpochSecond(random.nextLong(0, 253_402_300_799L)));

			assertThat(SeedTime.parse(text)).as(text).isEqualTo(SeedTime.FORMAT.parse(text, Instant::from));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "2020-02-30T10:00:00UTC", "2020-13-01T10:00:00UTC", "2020-01-01T24:00:00UTC",
			"2020-01-01T10:60:00UTC", "2020-01-01 10:00:00UTC", "2020-01-0xT10:00:00UTC", "2020/01/01T10:00:00UTC" })
	void refusesDatesThatDoNotExistOrAreMisshapen(String text) {
		assertThatExceptionOfType(DateTimeParseException.class).isThrownBy(() -> SeedTime.parse(text));
	}

	@Test
	void readsIsoInstantsToo() {
		assertThat(SeedTime.parse("2020-03-25T19:05:49.250Z")).isEqualTo(Instant.parse("2020-03-25T19:05:49.250Z"));
	}


	@Test
	void theEpochDayOfEveryDateFromYearZeroToTenThousandIsJavaTimes() {
		for (LocalDate date = LocalDate.of(0, 1, 1); date.getYear() < 10_000; date = date.plusDays(1)) {
			assertThat(SeedTime.epochDay(date.getYear(), date.getMonthValue(), date.getDayOfMonth())).as("%s", date)
				.isEqualTo(date.toEpochDay());
		}
	}

}
