package dev.clickstream.listener.changelog;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import org.jspecify.annotations.Nullable;

/**
 * The events of one partition counted into one event-time window that is still open.
 *
 * @param start the window's start, in epoch seconds
 * @param counts events counted per event name
 * @param sketches the window's unique users and top products; null in windows begun by a version without them
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WindowCounts(long start, Map<String, Long> counts, @JsonInclude(Include.NON_NULL) @Nullable Sketches sketches) {

	public WindowCounts {
		counts = Collections.unmodifiableMap(new TreeMap<>(counts));
	}

	/** A window's counts without sketches. */
	public WindowCounts(long start, Map<String, Long> counts) {
		this(start, counts, null);
	}

}
