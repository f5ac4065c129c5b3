package dev.clickstream.dashboard;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** An emitter that keeps what is sent to it, as the page would read it. */
class RecordingEmitter extends SseEmitter {

	final List<String> sent = new ArrayList<>();

	@Override
	public void send(Set<DataWithMediaType> items) {
		StringBuilder event = new StringBuilder();
		items.forEach(item -> event.append((item.getData() instanceof byte[] bytes)
				? new String(bytes, StandardCharsets.UTF_8) : item.getData().toString()));
		this.sent.add(event.toString());
	}

	/** The names of the events sent, in order. */
	List<String> names() {
		return this.sent.stream().map(event -> event.substring("event:".length(), event.indexOf('\n'))).toList();
	}

}
