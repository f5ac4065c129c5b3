package dev.clickstream.producer.publishing;

import java.util.Map;
import java.util.function.Function;

import dev.clickstream.model.ClickEvent;
import dev.clickstream.model.ClickEventWriter;
import org.apache.kafka.common.serialization.Serializer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The events topic's value serializer ({@code spring.kafka.producer.value-serializer}): the seed's plain JSON, with no
 * type headers, as the Python producer wrote it. {@link ClickEventWriter} writes it by hand; with the producer
 * property {@value #WRITER_CONFIG}{@code =jackson} a Jackson {@code ObjectWriter} writes the same bytes instead, so the
 * two can be compared end to end.
 */
public final class ClickEventSerializer implements Serializer<ClickEvent> {

	/** A producer property ({@code spring.kafka.producer.properties.*}): {@code hand-written} or {@code jackson}. */
	public static final String WRITER_CONFIG = "clickstream.json-writer";

	private Function<ClickEvent, byte[]> writer = new ClickEventWriter()::write;

	@Override
	public void configure(Map<String, ?> configs, boolean isKey) {
		Object choice = configs.get(WRITER_CONFIG);
		if (choice == null || "hand-written".equals(choice)) {
			return;
		}
		if (!"jackson".equals(choice)) {
			throw new IllegalArgumentException(WRITER_CONFIG + " must be hand-written or jackson, was " + choice);
		}
		ObjectWriter jackson = JsonMapper.builder().build().writerFor(ClickEvent.class);
		this.writer = jackson::writeValueAsBytes;
	}

	@Override
	public byte @Nullable [] serialize(String topic, @Nullable ClickEvent event) {
		// Kafka's convention for a null value (a tombstone); the generator never sends one.
		return (event != null) ? this.writer.apply(event) : null;
	}

}
