package dev.clickstream.listener.windows;

import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * The newest windows as JSON, for {@code GET /api/windows} and the dashboard's stream. They change about once a
 * second, and many ask: the JSON is written once per change of the windows and of the limit, and the same bytes go
 * to every asker until then.
 */
final class NewestWindows {

	private record Written(long version, int limit, byte[] json) {
	}

	private final WindowResults results;

	private final ObjectWriter writer;

	private volatile @Nullable Written newest;

	NewestWindows(WindowResults results, JsonMapper jsonMapper) {
		this.results = results;
		this.writer = jsonMapper.writerFor(new TypeReference<List<WindowView>>() {
		});
	}

	/** The newest {@code limit} windows, oldest first; 503 while the windows are still being read. */
	byte[] json(int limit) {
		requireLoaded(this.results);
		Written cached = this.newest;
		// Read before the windows: a change while they are written leaves the next request to write them again.
		long version = this.results.version();
		if (cached == null || cached.version() != version || cached.limit() != limit) {
			List<WindowView> views = this.results.newest(limit).stream().map(WindowView::of).toList();
			cached = new Written(version, limit, this.writer.writeValueAsBytes(views));
			this.newest = cached;
		}
		return cached.json();
	}

	static void requireLoaded(WindowResults results) {
		if (!results.isLoaded()) {
			ErrorResponseException notYet = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE);
			notYet.setDetail("The windows are still being read from Kafka; try again in a moment.");
			throw notYet;
		}
	}

}
