package dev.clickstream.benchmark;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;

import dev.clickstream.systemtest.harness.ManagedProcess;

/**
 * When a consumer group first owns every partition of its input topic, seen from outside through the Admin API: the
 * same start line for the listener, Kafka Streams and the raw consumer, whatever each does before it (JVM start,
 * Spring context, topic declarations).
 */
final class GroupWatch {

	private static final Duration POLL = Duration.ofMillis(20);

	private GroupWatch() {
	}

	/** @return the wall-clock time, in epoch ms, at which the group was first stable with all partitions assigned */
	static long awaitAssigned(Admin admin, String groupId, String topic, int partitions, ManagedProcess process,
			Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		String[] last = { "nothing" };
		while (System.nanoTime() < deadline) {
			process.requireAlive();
			if (allAssigned(admin, groupId, topic, partitions, last)) {
				return System.currentTimeMillis();
			}
			sleep(POLL);
		}
		throw new IllegalStateException("group " + groupId + " did not own the " + partitions + " partitions of "
				+ topic + " within " + timeout + "; last seen: " + last[0]);
	}

	private static boolean allAssigned(Admin admin, String groupId, String topic, int partitions, String[] last) {
		try {
			ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(groupId))
				.describedGroups()
				.get(groupId)
				.get(2, TimeUnit.SECONDS);
			last[0] = group.toString();
			if (group.groupState() != GroupState.STABLE) {
				return false;
			}
			long owned = group.members()
				.stream()
				.flatMap(member -> member.assignment().topicPartitions().stream())
				.filter(partition -> partition.topic().equals(topic))
				.count();
			return owned == partitions;
		}
		catch (ExecutionException | TimeoutException ex) {
			last[0] = ex.toString();
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

}
