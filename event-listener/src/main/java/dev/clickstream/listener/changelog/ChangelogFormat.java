package dev.clickstream.listener.changelog;

import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The bytes of a changelog record: a {@link PartitionState} as JSON. The one place that writes or reads them.
 */
@Component
public class ChangelogFormat {

	private final ObjectWriter writer;

	private final ObjectReader reader;

	ChangelogFormat(JsonMapper jsonMapper) {
		this.writer = jsonMapper.writerFor(PartitionState.class);
		this.reader = jsonMapper.readerFor(PartitionState.class);
	}

	byte[] write(PartitionState state) {
		return this.writer.writeValueAsBytes(state);
	}

	public PartitionState read(byte[] value) {
		return this.reader.readValue(value);
	}

}
