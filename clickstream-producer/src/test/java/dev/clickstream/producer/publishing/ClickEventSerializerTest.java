package dev.clickstream.producer.publishing;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.clickstream.model.ClickEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ClickEventSerializerTest {

	static final ClickEvent EVENT = new ClickEvent(Instant.parse("2020-03-25T19:05:49Z"), "4pqurkxx3oku8yj",
			"productview", "ur0kzmbj");

	@Test
	void writesTheSeedsJsonByHandByDefault() {
		ClickEventSerializer serializer = new ClickEventSerializer();
		serializer.configure(Map.of(), false);

		assertThat(new String(serializer.serialize("t", EVENT))).isEqualTo(
				"{\"date\":\"2020-03-25T19:05:49UTC\",\"productId\":\"4pqurkxx3oku8yj\",\"eventName\":\"productview\",\"userId\":\"ur0kzmbj\"}");
	}

	@Test
	void jacksonWritesTheSameBytes() {
		ClickEventSerializer handWritten = new ClickEventSerializer();
		ClickEventSerializer jackson = new ClickEventSerializer();
		jackson.configure(Map.of(ClickEventSerializer.WRITER_CONFIG, "jackson"), false);

		assertThat(jackson.serialize("t", EVENT)).isEqualTo(handWritten.serialize("t", EVENT));
	}

	@Test
	void anUnknownWriterIsRefusedNamingTheSetting() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ClickEventSerializer().configure(Map.of(ClickEventSerializer.WRITER_CONFIG, "gson"),
					false))
			.withMessage("clickstream.json-writer must be hand-written or jackson, was gson");
	}

}
