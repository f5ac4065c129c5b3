package dev.clickstream.model;

import java.time.Instant;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdSerializer;

final class SeedTimeSerializer extends StdSerializer<Instant> {

	SeedTimeSerializer() {
		super(Instant.class);
	}

	@Override
	public void serialize(Instant value, JsonGenerator generator, SerializationContext context) {
		generator.writeString(SeedTime.format(value));
	}

}
