package dev.clickstream.dashboard.late;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The answer of {@code GET /api/topics/late}: how many events came after their window had closed, per window, from
 * the records of the late-events topic that a read_committed reader sees, written since {@code from}.
 *
 * <pre>
 * {"from":"2026-12-02T11:41:36.814Z",
 *  "windows":[{"windowStart":"2026-12-02T13:39:00UTC","lateEvents":3},
 *             {"windowStart":"2026-12-02T13:41:00UTC","lateEvents":1}],
 *  "total":4,"skipped":0,"error":null}
 * </pre>
 *
 * @param from the time the count starts at: records written earlier are not counted
 * @param windows the newest {@code clickstream.dashboard.late.max-windows} windows that missed an event, oldest first,
 * each with every late event for it since {@code from}
 * @param total every late event counted since {@code from}: those of {@code windows}, and those of older windows, not
 * listed
 * @param skipped records of the topic without a window-start header that reads as a time; not in {@code total}
 * @param error why the follower's last try to start reading the topic failed (the broker away, the topic not there),
 * until a try works; the counts are those read until then. A broker that goes away while the topic is being read does
 * not show here: the consumer waits for it, as any consumer does, and goes on where it was
 */
record LateView(Instant from, List<LateWindow> windows, long total, long skipped, @Nullable String error) {

	/**
	 * @param windowStart the start of the window the events missed, as the {@code late.window.start} header and
	 * {@code /api/windows} write it: {@code 2026-12-02T13:39:00UTC}
	 * @param lateEvents how many events came for it after it had closed
	 */
	record LateWindow(String windowStart, long lateEvents) {
	}

}
