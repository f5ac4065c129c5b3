package dev.clickstream.dashboard.topics;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

import org.jspecify.annotations.Nullable;

import dev.clickstream.dashboard.topics.PipelineSample.GroupSample;
import dev.clickstream.dashboard.topics.PipelineSample.TopicSample;
import dev.clickstream.dashboard.topics.RatesView.GroupPoint;
import dev.clickstream.dashboard.topics.RatesView.GroupRate;
import dev.clickstream.dashboard.topics.RatesView.PartitionLag;
import dev.clickstream.dashboard.topics.RatesView.TopicPoint;
import dev.clickstream.dashboard.topics.RatesView.TopicRate;

/**
 * Rates and lags from successive samples of the brokers' offsets and log sizes, with their history: plain arithmetic,
 * no Kafka types. A sample that failed leaves the figures of the last one that worked, marked stale with the error.
 *
 * <p>One thread adds samples; any thread may read the view.
 */
final class TopicRates implements CommittedLag {

	private record GroupKey(String groupId, String topic) {
	}

	private final long historyMillis;

	private final double intervalSeconds;

	private final Map<String, ArrayDeque<TopicPoint>> topicHistory = new HashMap<>();

	private final Map<GroupKey, ArrayDeque<GroupPoint>> groupHistory = new HashMap<>();

	private @Nullable PipelineSample last;

	private List<TopicRate> topics = List.of();

	private List<GroupRate> groups = List.of();

	private @Nullable String error;

	/**
	 * @param historyMillis points older than this, behind the newest sample, are dropped
	 * @param intervalSeconds how often samples are taken, for the answer
	 */
	TopicRates(long historyMillis, double intervalSeconds) {
		this.historyMillis = historyMillis;
		this.intervalSeconds = intervalSeconds;
	}

	synchronized void add(PipelineSample sample) {
		PipelineSample previous = this.last;
		double seconds = (previous != null) ? (sample.time() - previous.time()) / 1000.0 : 0;
		Map<String, TopicSample> topicsBefore = new HashMap<>();
		Map<GroupKey, GroupSample> groupsBefore = new HashMap<>();
		if (previous != null) {
			previous.topics().forEach(topic -> topicsBefore.put(topic.name(), topic));
			previous.groups().forEach(group -> groupsBefore.put(new GroupKey(group.groupId(), group.topic()), group));
		}
		Map<String, TopicSample> topicsNow = new HashMap<>();
		Map<String, Double> bytesPerRecord = new HashMap<>();
		Set<GroupKey> groupsNow = new HashSet<>();
		List<TopicRate> topics = new ArrayList<>();
		for (TopicSample topic : sample.topics()) {
			topicsNow.put(topic.name(), topic);
			TopicSample before = topicsBefore.get(topic.name());
			Double recordsPerSecond = (before != null) ? perSecond(before.endOffsets(), topic.endOffsets(), seconds)
					: null;
			Double bytesPerSecond = (before != null) ? perSecond(before.sizes(), topic.sizes(), seconds) : null;
			ArrayDeque<TopicPoint> history = this.topicHistory.computeIfAbsent(topic.name(), name -> new ArrayDeque<>());
			if (recordsPerSecond != null || bytesPerSecond != null) {
				history.addLast(new TopicPoint(sample.time(), recordsPerSecond, bytesPerSecond));
			}
			trim(history, sample.time(), TopicPoint::time);
			Double recordBytes = bytesPerRecord(topic, recordsPerSecond, bytesPerSecond);
			if (recordBytes != null) {
				bytesPerRecord.put(topic.name(), recordBytes);
			}
			topics.add(new TopicRate(topic.name(), topic.partitions(), sum(topic.endOffsets()),
					topic.sizes().isEmpty() ? null : sum(topic.sizes()), recordsPerSecond, bytesPerSecond,
					List.copyOf(history)));
		}
		List<GroupRate> groups = new ArrayList<>();
		for (GroupSample group : sample.groups()) {
			GroupKey key = new GroupKey(group.groupId(), group.topic());
			groupsNow.add(key);
			GroupSample before = groupsBefore.get(key);
			Double recordsPerSecond = (before != null) ? perSecond(before.committed(), group.committed(), seconds) : null;
			TopicSample topic = topicsNow.get(group.topic());
			List<PartitionLag> lags = lags(group.committed(), (topic != null) ? topic.endOffsets() : Map.of());
			Long lag = lags.isEmpty() ? null : lags.stream().mapToLong(PartitionLag::lag).sum();
			Double recordBytes = bytesPerRecord.get(group.topic());
			Double bytesPerSecond = (recordsPerSecond != null && recordBytes != null)
					? Math.round(recordsPerSecond * recordBytes * 10) / 10.0 : null;
			ArrayDeque<GroupPoint> history = this.groupHistory.computeIfAbsent(key, ignored -> new ArrayDeque<>());
			if (recordsPerSecond != null || lag != null) {
				history.addLast(new GroupPoint(sample.time(), recordsPerSecond, lag, bytesPerSecond));
			}
			trim(history, sample.time(), GroupPoint::time);
			groups.add(new GroupRate(group.groupId(), group.topic(), recordsPerSecond, bytesPerSecond, lag, lags,
					List.copyOf(history)));
		}
		// A topic deleted, or a group no longer watched, takes its history with it.
		this.topicHistory.keySet().retainAll(topicsNow.keySet());
		this.groupHistory.keySet().retainAll(groupsNow);
		this.topics = List.copyOf(topics);
		this.groups = List.copyOf(groups);
		this.last = sample;
		this.error = null;
	}

	/** The latest sample failed: the figures stay those of the last one that worked, marked stale. */
	synchronized void failed(String error) {
		this.error = error;
	}

	@Override
	public synchronized Map<Integer, Long> byPartition(String groupId, String topic) {
		Map<Integer, Long> lag = new TreeMap<>();
		for (GroupRate group : this.groups) {
			if (group.groupId().equals(groupId) && group.topic().equals(topic)) {
				group.lagByPartition().forEach(partition -> lag.put(partition.partition(), partition.lag()));
			}
		}
		return lag;
	}

	synchronized RatesView view() {
		PipelineSample newest = this.last;
		return new RatesView((newest != null) ? Instant.ofEpochMilli(newest.time()) : null, this.intervalSeconds,
				this.error != null, this.error, this.topics, this.groups);
	}

	/**
	 * The growth per second of a sum over partitions: of those in both samples whose figure did not go down. Null if
	 * no partition qualifies or no time passed.
	 */
	static @Nullable Double perSecond(Map<Integer, Long> before, Map<Integer, Long> after, double seconds) {
		if (seconds <= 0) {
			return null;
		}
		long growth = 0;
		boolean any = false;
		for (Map.Entry<Integer, Long> partition : after.entrySet()) {
			Long then = before.get(partition.getKey());
			// Down means another log than before (deleted and created again) or a log shrunk by retention or
			// compaction: what came in meanwhile cannot be told, so the partition sits this rate out.
			if (then != null && partition.getValue() >= then) {
				growth += partition.getValue() - then;
				any = true;
			}
		}
		return any ? Math.round(growth / seconds * 10) / 10.0 : null;
	}

	/**
	 * The mean size of a topic's records on disk (batch headers and compression included): of those written since
	 * the last sample where some were, else of its whole log. Kafka reports no bytes read per group; a group's
	 * offsets advanced times this is what it read, as near as the brokers' figures tell.
	 */
	private static @Nullable Double bytesPerRecord(TopicSample topic, @Nullable Double recordsPerSecond,
			@Nullable Double bytesPerSecond) {
		if (recordsPerSecond != null && bytesPerSecond != null && recordsPerSecond > 0) {
			return bytesPerSecond / recordsPerSecond;
		}
		long records = sum(topic.endOffsets());
		return (records > 0 && !topic.sizes().isEmpty()) ? (double) sum(topic.sizes()) / records : null;
	}

	private static List<PartitionLag> lags(Map<Integer, Long> committed, Map<Integer, Long> ends) {
		List<PartitionLag> lags = new ArrayList<>();
		committed.forEach((partition, offset) -> {
			Long end = ends.get(partition);
			if (end != null) {
				// The end was read before the offsets: a group that committed in between is ahead of it, not behind.
				lags.add(new PartitionLag(partition, end, offset, Math.max(0, end - offset)));
			}
		});
		lags.sort(Comparator.comparingInt(PartitionLag::partition));
		return lags;
	}

	private static long sum(Map<Integer, Long> values) {
		return values.values().stream().mapToLong(Long::longValue).sum();
	}

	private <P> void trim(ArrayDeque<P> history, long now, ToLongFunction<P> time) {
		while (!history.isEmpty() && now - time.applyAsLong(history.getFirst()) > this.historyMillis) {
			history.removeFirst();
		}
	}

}
