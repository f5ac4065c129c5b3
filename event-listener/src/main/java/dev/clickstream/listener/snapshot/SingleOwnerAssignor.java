package dev.clickstream.listener.snapshot;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor;
import org.apache.kafka.clients.consumer.GroupProtocol;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Assigns every partition to one member of the group: the group elects a single snapshot publisher, and Kafka's
 * group generation fences a former publisher that has not noticed it lost the election. The current owner stays
 * owner when others join, so a new instance does not move the work; otherwise the lowest member id wins.
 */
public class SingleOwnerAssignor implements ConsumerPartitionAssignor {

	/**
	 * Fails unless the group uses the classic protocol: under {@code group.protocol=consumer} the broker assigns the
	 * partitions and never calls a client-side assignor, so every member would publish.
	 * @param groupId the group, for the message
	 * @param configs the consumer's settings, later ones overriding earlier ones
	 */
	public static void requireClassicProtocol(String groupId, List<Map<?, ?>> configs) {
		Object protocol = null;
		for (Map<?, ?> config : configs) {
			Object value = config.get(ConsumerConfig.GROUP_PROTOCOL_CONFIG);
			protocol = (value != null) ? value : protocol;
		}
		if (protocol != null && !GroupProtocol.CLASSIC.name().equalsIgnoreCase(protocol.toString().trim())) {
			throw new IllegalStateException("The snapshot publisher's consumer group '" + groupId + "' is set to "
					+ ConsumerConfig.GROUP_PROTOCOL_CONFIG + "=" + protocol + ", but it elects its single publisher "
					+ "with a client-side assignor, which only the classic protocol runs. Remove "
					+ ConsumerConfig.GROUP_PROTOCOL_CONFIG + " from spring.kafka.consumer.properties, or set it to "
					+ "classic.");
		}
	}

	// Eager rebalancing revokes everything before members rejoin, so ownership travels in the subscription's user data.
	private volatile boolean owner;

	@Override
	public String name() {
		return "single-owner";
	}

	@Override
	public ByteBuffer subscriptionUserData(Set<String> topics) {
		return ByteBuffer.wrap(new byte[] { (byte) (this.owner ? 1 : 0) });
	}

	@Override
	public void onAssignment(Assignment assignment, ConsumerGroupMetadata metadata) {
		this.owner = !assignment.partitions().isEmpty();
	}

	@Override
	public GroupAssignment assign(Cluster metadata, GroupSubscription groupSubscription) {
		Map<String, Subscription> members = groupSubscription.groupSubscription();
		String elected = members.entrySet()
			.stream()
			.min(Comparator.comparing((Entry<String, Subscription> member) -> !wasOwner(member.getValue()))
				.thenComparing(Entry::getKey))
			.orElseThrow()
			.getKey();
		List<TopicPartition> partitions = new ArrayList<>();
		for (String topic : members.get(elected).topics()) {
			List<PartitionInfo> infos = metadata.partitionsForTopic(topic);
			infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
		}
		Map<String, Assignment> assignments = new HashMap<>();
		members.keySet()
			.forEach(member -> assignments.put(member, new Assignment(member.equals(elected) ? partitions : List.of())));
		return new GroupAssignment(assignments);
	}

	private static boolean wasOwner(Subscription subscription) {
		ByteBuffer userData = subscription.userData();
		return userData != null && userData.remaining() > 0 && userData.get(userData.position()) == 1;
	}

}
