package dev.clickstream.listener.changelog;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The events of one partition counted into one event-time window that is still open.
 *
 * @param start the window's start, in epoch seconds
 * @param counts events counted per event name
 */
public record WindowCounts(long start, Map<String, Long> counts) {

	public WindowCounts {
		counts = Collections.unmodifiableMap(new TreeMap<>(counts));
	}

}
