package dev.clickstream.dashboard;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * One server-sent event, written out once: the same bytes go to every page that follows the stream, however many.
 *
 * @param name the event's name
 * @param frame the event as the stream carries it, blank line included
 */
record StreamEvent(String name, byte[] frame) {

	/** An event whose data is the JSON, sent with a reconnection time in ms when {@code retryMillis} is set. */
	static StreamEvent of(String name, byte[] json, @Nullable Long retryMillis) {
		ByteArrayOutputStream frame = new ByteArrayOutputStream(json.length + name.length() + 32);
		frame.writeBytes(("event:" + name + "\n").getBytes(StandardCharsets.UTF_8));
		// A line break inside the data would end the field: each line is a data field of its own, which the browser
		// joins again with line breaks.
		int lineStart = 0;
		for (int i = 0; i <= json.length; i++) {
			if (i == json.length || json[i] == '\n') {
				int lineEnd = (i > lineStart && json[i - 1] == '\r') ? i - 1 : i;
				frame.writeBytes("data:".getBytes(StandardCharsets.US_ASCII));
				frame.write(json, lineStart, lineEnd - lineStart);
				frame.write('\n');
				lineStart = i + 1;
			}
		}
		if (retryMillis != null) {
			frame.writeBytes(("retry:" + retryMillis + "\n").getBytes(StandardCharsets.US_ASCII));
		}
		frame.write('\n');
		return new StreamEvent(name, frame.toByteArray());
	}

	static StreamEvent of(String name, byte[] json) {
		return of(name, json, null);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof StreamEvent event && this.name.equals(event.name)
				&& Arrays.equals(this.frame, event.frame);
	}

	@Override
	public int hashCode() {
		return 31 * this.name.hashCode() + Arrays.hashCode(this.frame);
	}

	@Override
	public String toString() {
		return new String(this.frame, StandardCharsets.UTF_8);
	}

}
