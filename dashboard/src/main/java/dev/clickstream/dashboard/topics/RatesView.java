package dev.clickstream.dashboard.topics;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * The answer of {@code GET /api/topics/rates}: the rate in of every topic of the pipeline and the rate out and lag
 * of each of the listener's consumer groups, from the brokers' own end offsets, log sizes and committed offsets (not
 * from this instance's counters), so they hold for the whole pipeline, whichever instance answers.
 *
 * <pre>
 * {"sampledAt":"2026-12-02T06:37:56.876Z","intervalSeconds":5.0,"stale":false,"error":null,
 *  "topics":[{"name":"event-topic","partitions":3,"records":1810,"bytes":259481,"recordsPerSecond":99.4,
 *             "bytesPerSecond":14291.5,"history":[[1796193466804,101.8,14377.8],[1796193471846,99.2,14299.7],
 *             [1796193476876,99.4,14291.5]]},…],
 *  "groups":[{"groupId":"event-listener","topic":"event-topic","recordsPerSecond":99.4,"lag":0,
 *             "lagByPartition":[{"partition":0,"endOffset":504,"committedOffset":504,"lag":0},…],
 *             "history":[[1796193466804,null,10],[1796193471846,101.2,0],[1796193476876,99.4,0]]},…]}
 * </pre>
 *
 * A rate spans two successive samples; with one sample, or none, it is null. A partition that is missing from either
 * sample, or whose figure went down between them (a topic deleted and created again, a log shrunk by retention or
 * compaction), is left out of that rate.
 *
 * @param sampledAt when the figures were sampled; null before the first sample that worked
 * @param intervalSeconds how often they are sampled
 * @param stale whether the latest sample failed (the broker is away): the figures are those of the newest one that
 * worked
 * @param error why the latest sample failed, while {@code stale}
 * @param topics the pipeline's topics that exist
 * @param groups each of the listener's consumer groups (counting, snapshot publisher, window publisher) on each topic
 * it reads
 */
record RatesView(@Nullable Instant sampledAt, double intervalSeconds, boolean stale, @Nullable String error,
		List<TopicRate> topics, List<GroupRate> groups) {

	/**
	 * @param name the topic
	 * @param partitions how many partitions it has
	 * @param records the sum of its partitions' end offsets: records written since it was created, transaction
	 * markers included
	 * @param bytes the sum of its partitions' log sizes on disk; null if no broker reported them
	 * @param recordsPerSecond offsets added per second between the last two samples (transaction markers included)
	 * @param bytesPerSecond bytes its logs grew by per second between the last two samples
	 * @param history the rates of every sample of the last {@code clickstream.dashboard.rates.history}, oldest first
	 */
	record TopicRate(String name, int partitions, long records, @Nullable Long bytes, @Nullable Double recordsPerSecond,
			@Nullable Double bytesPerSecond, List<TopicPoint> history) {
	}

	/**
	 * One point of a topic's history, written as an array {@code [time, recordsPerSecond, bytesPerSecond]}.
	 *
	 * @param time when it was sampled, in milliseconds since the epoch
	 * @param recordsPerSecond offsets added per second, or null
	 * @param bytesPerSecond bytes added per second, or null
	 */
	@JsonFormat(shape = JsonFormat.Shape.ARRAY)
	@JsonPropertyOrder({ "time", "recordsPerSecond", "bytesPerSecond" })
	record TopicPoint(long time, @Nullable Double recordsPerSecond, @Nullable Double bytesPerSecond) {
	}

	/**
	 * The lag of a group is known as soon as it has committed offsets, before (and whether or not) a consumer of this
	 * instance reports its own lag metric. Offsets count transaction markers: a group that has read everything of a
	 * transactional topic shows a lag of up to one per partition, as {@code kafka-consumer-groups.sh} does.
	 *
	 * @param groupId the consumer group
	 * @param topic a topic it reads
	 * @param recordsPerSecond how fast its committed offsets advanced between the last two samples
	 * @param bytesPerSecond estimated: {@code recordsPerSecond} times the topic's mean record size on disk (Kafka
	 * reports no bytes read per group); null while either is unknown
	 * @param lag the sum of {@code lagByPartition}; null while the group has committed no offset on the topic
	 * @param lagByPartition every partition it committed an offset for, in partition order
	 * @param history {@code [time, recordsPerSecond, lag, bytesPerSecond]} of every sample of the last
	 * {@code clickstream.dashboard.rates.history}, oldest first
	 */
	record GroupRate(String groupId, String topic, @Nullable Double recordsPerSecond, @Nullable Double bytesPerSecond,
			@Nullable Long lag, List<PartitionLag> lagByPartition, List<GroupPoint> history) {
	}

	/**
	 * @param partition the partition
	 * @param endOffset its end offset
	 * @param committedOffset the group's committed offset: the next one it reads
	 * @param lag offsets between the two, never below 0
	 */
	record PartitionLag(int partition, long endOffset, long committedOffset, long lag) {
	}

	/**
	 * One point of a group's history, written as an array {@code [time, recordsPerSecond, lag, bytesPerSecond]}: the
	 * estimated bytes last, so that readers of the first three keep working.
	 *
	 * @param time when it was sampled, in milliseconds since the epoch
	 * @param recordsPerSecond how fast its committed offsets advanced, or null
	 * @param lag its total lag on the topic, or null
	 * @param bytesPerSecond estimated bytes read per second, or null
	 */
	@JsonFormat(shape = JsonFormat.Shape.ARRAY)
	@JsonPropertyOrder({ "time", "recordsPerSecond", "lag", "bytesPerSecond" })
	record GroupPoint(long time, @Nullable Double recordsPerSecond, @Nullable Long lag,
			@Nullable Double bytesPerSecond) {
	}

}
