package dev.clickstream.listener.summary;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import org.jspecify.annotations.Nullable;

import dev.clickstream.listener.windows.WindowResults;
import dev.clickstream.model.AllTimeFigures;
import dev.clickstream.model.UniqueUsers;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Unique users and top products since the start, from the all-time figures' topic, and the unique users of each day
 * the retained windows cover. With windows off there are no sketches: no all-time figures and no days.
 */
@Component
class SummaryFigures {

	/**
	 * @param allTime since the start; absent until the first figures are published
	 * @param days the unique users of each day of the retained windows, oldest first
	 * @param relativeStandardError the unique-user estimates' standard error; their bounds are two of it
	 */
	record Summary(@JsonInclude(Include.NON_NULL) @Nullable AllTimeFigures allTime, List<DayUsers> days,
			double relativeStandardError) {
	}

	private record MergedDays(long version, List<DayUsers> days) {
	}

	private final LatestAllTime allTime;

	private final ObjectProvider<WindowResults> windowResults;

	private volatile @Nullable MergedDays mergedDays;

	SummaryFigures(LatestAllTime allTime, ObjectProvider<WindowResults> windowResults) {
		this.allTime = allTime;
		this.windowResults = windowResults;
	}

	/** The figures now; 503 while they are still being read. */
	Summary current() {
		WindowResults windows = this.windowResults.getIfAvailable();
		if (!this.allTime.isLoaded() || (windows != null && !windows.isLoaded())) {
			ErrorResponseException notYet = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE);
			notYet.setDetail("The figures are still being read from Kafka; try again in a moment.");
			throw notYet;
		}
		List<DayUsers> days = (windows != null) ? days(windows) : List.of();
		return new Summary(this.allTime.current().orElse(null), days, UniqueUsers.RELATIVE_STANDARD_ERROR);
	}

	/**
	 * A day's users are a merge of all its windows' sketches, up to 1,440 of them: merged again only when a window
	 * changed, not for each of the many who ask.
	 */
	private List<DayUsers> days(WindowResults windows) {
		MergedDays merged = this.mergedDays;
		long version = windows.version();
		if (merged == null || merged.version() != version) {
			// Read before the windows: a change while they are merged leaves the next request to merge again.
			merged = new MergedDays(version, DayUsers.of(windows.between(Instant.MIN, Instant.MAX)));
			this.mergedDays = merged;
		}
		return merged.days();
	}

}
