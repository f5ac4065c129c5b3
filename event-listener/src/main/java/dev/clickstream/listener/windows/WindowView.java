package dev.clickstream.listener.windows;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.clickstream.model.SeedTime;
import dev.clickstream.model.WindowResult;

/**
 * One window as {@code /api/windows} answers it.
 *
 * @param windowStart the window's first second, in the seed's format
 * @param windowEnd its end, exclusive
 * @param counts events per name
 * @param isFinal whether these are the window's final counts
 * @param receiveAt when these counts were published
 * @param conversion the window's funnel in ratios
 */
public record WindowView(String windowStart, String windowEnd, Map<String, Long> counts,
		@JsonProperty("final") boolean isFinal, String receiveAt, Conversion conversion) {

	static WindowView of(WindowResult result) {
		return new WindowView(SeedTime.format(result.windowStart()), SeedTime.format(result.windowEnd()),
				result.counts(), result.isFinal(), SeedTime.format(result.receiveAt()), Conversion.of(result));
	}

}
