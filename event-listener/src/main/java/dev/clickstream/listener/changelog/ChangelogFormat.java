package dev.clickstream.listener.changelog;

import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The bytes of the changelogs' records: a {@link PartitionState} or a {@link PartitionWindow} as JSON. The one place
 * that writes or reads them.
 */
@Component
public class ChangelogFormat {

	private final ObjectWriter writer;

	private final ObjectReader reader;

	private final ObjectWriter windowWriter;

	private final ObjectReader windowReader;

	ChangelogFormat(JsonMapper jsonMapper) {
		this.writer = jsonMapper.writerFor(PartitionState.class);
		this.reader = jsonMapper.readerFor(PartitionState.class);
		this.windowWriter = jsonMapper.writerFor(PartitionWindow.class);
		this.windowReader = jsonMapper.readerFor(PartitionWindow.class);
	}

	byte[] write(PartitionState state) {
		return this.writer.writeValueAsBytes(state);
	}

	public PartitionState read(byte[] value) {
		return this.reader.readValue(value);
	}

	byte[] writeWindow(PartitionWindow window) {
		return this.windowWriter.writeValueAsBytes(window);
	}

	public PartitionWindow readWindow(byte[] value) {
		return this.windowReader.readValue(value);
	}

}
