package dev.clickstream.listener.windows;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import dev.clickstream.model.SeedTime;
import dev.clickstream.model.TopProducts;
import dev.clickstream.model.UniqueUsers;
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
 * @param uniqueUsers the window's distinct users, with 95% bounds; absent for a window partly counted by a version
 * without sketches
 * @param topProducts the window's most viewed and bought products, with their bounds; absent where uniqueUsers is
 */
public record WindowView(String windowStart, String windowEnd, Map<String, Long> counts,
		@JsonProperty("final") boolean isFinal, String receiveAt, Conversion conversion,
		@JsonInclude(Include.NON_NULL) @Nullable UniqueUsers uniqueUsers,
		@JsonInclude(Include.NON_NULL) @Nullable TopProducts topProducts) {

	static WindowView of(WindowResult result) {
		return new WindowView(SeedTime.format(result.windowStart()), SeedTime.format(result.windowEnd()),
				result.counts(), result.isFinal(), SeedTime.format(result.receiveAt()), Conversion.of(result),
				result.uniqueUsers(), result.topProducts());
	}

}
