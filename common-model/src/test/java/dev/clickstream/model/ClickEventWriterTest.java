package dev.clickstream.model;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ClickEventWriterTest {

	static final Instant DATE = Instant.parse("2020-03-25T19:05:49Z");

	final JsonMapper json = JsonMapper.builder().build();

	final ClickEventWriter writer = new ClickEventWriter();

	@Test
	void writesTheSeedsClickEvent() {
		ClickEvent seed = new ClickEvent(DATE, "4pqurkxx3oku8yj", "productview", "ur0kzmbj");

		assertThat(new String(this.writer.write(seed), StandardCharsets.UTF_8)).isEqualTo(SeedFormatTest.SEED_CLICK);
	}

	@Test
	void writesWhatJacksonWritesForRandomEventsAcrossSeconds() {
		SplittableRandom random = new SplittableRandom(42);
		for (int i = 0; i < 20_000; i++) {
			// A few events per second, over years, and sub-second parts that the format drops.
			Instant date = DATE.plusMillis(i * 250L + random.nextLong(0, 3_000_000_000_000L) * (i % 2));
			ClickEvent event = new ClickEvent(date, randomText(random, 15), randomText(random, 12),
					randomText(random, 8));

			assertThat(this.writer.write(event)).as("%s", event).isEqualTo(this.json.writeValueAsBytes(event));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "quote\"inside", "back\\slash", "slash/es", "new\nline", "tab\tcr\rff\fbs\b",
			"nul\u0000unit\u001fdel\u007f", "café", "€uro", "日本語", "emoji 😀 pair", "line\u2028separator",
			"bom\ufeff", "\uffff", "<script>&'" })
	void escapesAndEncodesAnyTextAsJacksonDoes(String text) {
		ClickEvent event = new ClickEvent(DATE, text, text, text);

		assertThat(new String(this.writer.write(event), StandardCharsets.UTF_8))
			.isEqualTo(new String(this.json.writeValueAsBytes(event), StandardCharsets.UTF_8));
	}

	@Test
	void writesWhatTheReaderReadsBack() {
		ClickEvent event = new ClickEvent(DATE, "p\"1\\é😀", "purchase", "u\n2");

		assertThat(new ClickEventReader(1024).read(this.writer.write(event))).isEqualTo(event);
	}

	@Test
	void refusesTextWithNoUtf8Form() {
		ClickEvent event = new ClickEvent(DATE, "lone\ud800surrogate", "purchase", "u");

		assertThatIllegalArgumentException().isThrownBy(() -> this.writer.write(event))
			.withMessageContaining("U+D800 at index 4");
	}

	/** Mostly the generator's alphabet, sometimes any character below the surrogates or a valid pair. */
	private static String randomText(SplittableRandom random, int length) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < length; i++) {
			int kind = random.nextInt(10);
			if (kind < 6) {
				text.append("abcdefghijklmnopqrstuvwxyz0123456789".charAt(random.nextInt(36)));
			}
			else if (kind < 8) {
				text.append((char) random.nextInt(0x80));
			}
			else if (kind < 9) {
				text.append((char) random.nextInt(0x80, 0xD800));
			}
			else {
				text.appendCodePoint(random.nextInt(0x10000, 0x110000));
			}
		}
		return text.toString();
	}

}
