package dev.clickstream.dashboard;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Events per second per event name over the last minutes, derived from successive totals as the snapshot topic has
 * them, so that it counts what every instance counted. The totals are looked at often (every 100 ms) and a point is
 * made when they change: each rate then spans whole snapshots, and its time is known to within one look.
 *
 * <p>A rate spans at least {@code rateWindow}, which smooths the jitter of snapshot arrival. When the totals do not
 * change for {@code idleAfter}, points with zero rates keep the chart moving: with snapshots published at least once
 * per interval while counts change, unchanged totals mean that nothing was counted.
 *
 * <p>One thread feeds it; any thread may read the points.
 */
final class RateHistory {

	/**
	 * One point of the chart.
	 *
	 * @param time when the totals were seen, in milliseconds since the epoch
	 * @param rates events per second per event name, to one decimal
	 */
	record Point(long time, Map<String, Double> rates) {

		double total() {
			return this.rates.values().stream().mapToDouble(Double::doubleValue).sum();
		}

	}

	private record Observation(long time, Map<String, Long> counts) {
	}

	private final long historyMillis;

	private final long rateWindowMillis;

	private final long pointSpacingMillis;

	private final long idleAfterMillis;

	// Changes of the totals, from the newest one at least rateWindow old on.
	private final ArrayDeque<Observation> observations = new ArrayDeque<>();

	private final ArrayDeque<Point> points = new ArrayDeque<>();

	private @Nullable Map<String, Long> lastCounts;

	private long lastChange;

	private long lastPoint;

	private boolean anyPoint;

	/**
	 * @param historyMillis points older than this are dropped
	 * @param rateWindowMillis the shortest time a rate spans
	 * @param pointSpacingMillis the shortest time between two points
	 * @param idleAfterMillis unchanged totals for this long make zero rates
	 */
	RateHistory(long historyMillis, long rateWindowMillis, long pointSpacingMillis, long idleAfterMillis) {
		this.historyMillis = historyMillis;
		this.rateWindowMillis = rateWindowMillis;
		this.pointSpacingMillis = pointSpacingMillis;
		this.idleAfterMillis = idleAfterMillis;
	}

	/**
	 * Takes in the totals as they are at {@code now}.
	 * @return the point this made, if it made one
	 */
	synchronized @Nullable Point observe(long now, Map<String, Long> counts) {
		if (this.lastCounts == null) {
			remember(now, counts);
			return null;
		}
		if (!counts.equals(this.lastCounts)) {
			remember(now, counts);
			return spaced(now) ? add(new Point(now, ratesSince(now, counts))) : null;
		}
		if (now - this.lastChange >= this.idleAfterMillis && spaced(now)) {
			// Still these totals now: a later rate starts from here, not from before the pause.
			observed(now, counts);
			Map<String, Double> zeros = new LinkedHashMap<>();
			counts.keySet().forEach(name -> zeros.put(name, 0.0));
			return add(new Point(now, Collections.unmodifiableMap(zeros)));
		}
		return null;
	}

	/** The points of the last {@code history}, oldest first. */
	synchronized List<Point> points() {
		return List.copyOf(this.points);
	}

	/** The newest point, if there is one. */
	synchronized @Nullable Point newest() {
		return this.points.peekLast();
	}

	private void remember(long now, Map<String, Long> counts) {
		this.lastCounts = counts;
		this.lastChange = now;
		observed(now, counts);
	}

	private void observed(long now, Map<String, Long> counts) {
		this.observations.addLast(new Observation(now, counts));
		// Keep, as the base of the next rate, the newest earlier observation at least rateWindow old.
		while (this.observations.size() > 2) {
			Iterator<Observation> oldestFirst = this.observations.iterator();
			oldestFirst.next();
			if (now - oldestFirst.next().time() >= this.rateWindowMillis) {
				this.observations.removeFirst();
			}
			else {
				break;
			}
		}
	}

	private Map<String, Double> ratesSince(long now, Map<String, Long> counts) {
		Observation base = this.observations.getFirst();
		double seconds = (now - base.time()) / 1000.0;
		Map<String, Double> rates = new LinkedHashMap<>();
		counts.forEach((name, count) -> {
			long delta = count - base.counts().getOrDefault(name, 0L);
			// Totals only go down if the topics were recreated: show no rate rather than a negative one.
			double rate = (delta <= 0 || seconds <= 0) ? 0.0 : delta / seconds;
			rates.put(name, Math.round(rate * 10) / 10.0);
		});
		return Collections.unmodifiableMap(rates);
	}

	private boolean spaced(long now) {
		return !this.anyPoint || now - this.lastPoint >= this.pointSpacingMillis;
	}

	private Point add(Point point) {
		this.points.addLast(point);
		this.lastPoint = point.time();
		this.anyPoint = true;
		while (!this.points.isEmpty() && point.time() - this.points.getFirst().time() > this.historyMillis) {
			this.points.removeFirst();
		}
		return point;
	}

}
