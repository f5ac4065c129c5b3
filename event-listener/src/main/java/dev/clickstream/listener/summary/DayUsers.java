package dev.clickstream.listener.summary;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.clickstream.listener.sketches.MergedSketches;
import dev.clickstream.model.UniqueUsers;
import dev.clickstream.model.WindowResult;

/**
 * The distinct users of one UTC day, merged from the users sketches of its windows: a user active in many of the
 * day's windows counts once.
 *
 * @param day the day, as ISO-8601
 * @param uniqueUsers the day's distinct users, with 95% bounds
 * @param windows how many of the day's windows are merged: fewer than the day has where windows are past their
 * retention, still to come, or counted by a version without sketches
 */
record DayUsers(String day, UniqueUsers uniqueUsers, int windows) {

	/** One entry per day the given windows start on, oldest first. */
	static List<DayUsers> of(List<WindowResult> windows) {
		Map<LocalDate, List<String>> byDay = new TreeMap<>();
		for (WindowResult window : windows) {
			if (window.usersSketch() != null) {
				byDay.computeIfAbsent(LocalDate.ofInstant(window.windowStart(), ZoneOffset.UTC), day -> new ArrayList<>())
					.add(window.usersSketch());
			}
		}
		List<DayUsers> days = new ArrayList<>();
		byDay.forEach((day, sketches) -> days
			.add(new DayUsers(day.toString(), MergedSketches.uniqueUsers(sketches), sketches.size())));
		return days;
	}

}
