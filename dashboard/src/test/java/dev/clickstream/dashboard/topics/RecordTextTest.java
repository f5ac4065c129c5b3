package dev.clickstream.dashboard.topics;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.clickstream.dashboard.topics.RecordText.Cut;

import static org.assertj.core.api.Assertions.assertThat;

class RecordTextTest {

	@Test
	void aValueWithinTheLimitComesWhole() {
		assertThat(RecordText.cut(utf8("{\"eventName\":\"purchase\"}"), 100))
			.isEqualTo(new Cut("{\"eventName\":\"purchase\"}", false));
	}

	@Test
	void aLongerValueIsCutAtTheLimitAndSaysSo() {
		assertThat(RecordText.cut(utf8("x".repeat(17)), 16)).isEqualTo(new Cut("x".repeat(16), true));
		assertThat(RecordText.cut(utf8("x".repeat(16)), 16)).isEqualTo(new Cut("x".repeat(16), false));
	}

	@Test
	void charactersOfSeveralBytesCountAsOne() {
		Cut cut = RecordText.cut(utf8("é".repeat(10_000)), 16);

		assertThat(cut).isEqualTo(new Cut("é".repeat(16), true));
	}

	@Test
	void anEmojiAtTheCutIsLeftOutWholeNotHalved() {
		// 15 letters, then a character outside the BMP: two UTF-16 chars, the 16th and 17th.
		Cut cut = RecordText.cut(utf8("x".repeat(15) + "\uD83D\uDED2" + "y"), 16);

		assertThat(cut).isEqualTo(new Cut("x".repeat(15), true));
	}

	@Test
	void bytesThatAreNotUtf8ShowAsReplacementCharacters() {
		byte[] latin1 = "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);

		assertThat(RecordText.cut(latin1, 100)).isEqualTo(new Cut("caf\uFFFD", false));
		assertThat(RecordText.text(latin1)).isEqualTo("caf\uFFFD");
		assertThat(RecordText.text(null)).isNull();
	}

	@Test
	void noLimitMeansTheWholeValue() {
		String large = "{\"pad\":\"" + "x".repeat(1_000_000) + "\"}";

		assertThat(RecordText.cut(utf8(large), Integer.MAX_VALUE)).isEqualTo(new Cut(large, false));
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
