package dev.clickstream.producer.publishing;

import dev.clickstream.model.ClickEvent;
import dev.clickstream.model.ClickEventWriter;
import org.apache.kafka.common.serialization.Serializer;
import org.jspecify.annotations.Nullable;

/**
 * The events topic's value serializer ({@code spring.kafka.producer.value-serializer}): the seed's plain JSON, with no
 * type headers, as the Python producer wrote it.
 */
public final class ClickEventSerializer implements Serializer<ClickEvent> {

	private final ClickEventWriter writer = new ClickEventWriter();

	@Override
	public byte @Nullable [] serialize(String topic, @Nullable ClickEvent event) {
		// Kafka's convention for a null value (a tombstone); the generator never sends one.
		return (event != null) ? this.writer.write(event) : null;
	}

}
