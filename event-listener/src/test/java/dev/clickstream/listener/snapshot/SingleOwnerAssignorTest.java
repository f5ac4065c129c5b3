package dev.clickstream.listener.snapshot;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Assignment;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.GroupAssignment;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.GroupSubscription;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Subscription;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class SingleOwnerAssignorTest {

	static final String TOPIC = "event-counts-changelog";

	final Cluster cluster = new Cluster("c", List.of(new Node(1, "localhost", 9092)),
			List.of(partition(0), partition(1), partition(2)), Set.of(), Set.of());

	@Test
	void theClassicGroupProtocolIsAccepted() {
		assertThatNoException().isThrownBy(() -> SingleOwnerAssignor.requireClassicProtocol("g",
				List.of(Map.of(), Map.of("group.protocol", "CLASSIC"))));
		assertThatNoException().isThrownBy(() -> SingleOwnerAssignor.requireClassicProtocol("g", List.of(Map.of())));
	}

	@Test
	void theConsumerGroupProtocolIsRefusedWithTheReason() {
		assertThatIllegalStateException()
			.isThrownBy(() -> SingleOwnerAssignor.requireClassicProtocol("event-listener-snapshots",
					List.of(Map.of("group.protocol", "consumer"), Map.of())))
			.withMessageContaining("'event-listener-snapshots' is set to group.protocol=consumer")
			.withMessageContaining("client-side assignor");
	}

	@Test
	void aListenerSettingOverridesTheFactorySetting() {
		assertThatNoException().isThrownBy(() -> SingleOwnerAssignor.requireClassicProtocol("g",
				List.of(Map.of("group.protocol", "consumer"), Map.of("group.protocol", "classic"))));
	}

	@Test
	void givesEveryPartitionToOneMember() {
		GroupAssignment assignment = new SingleOwnerAssignor().assign(this.cluster,
				group(Map.of("b-member", subscription(false), "a-member", subscription(false))));

		assertThat(partitionsOf(assignment, "a-member")).containsExactlyInAnyOrder(tp(0), tp(1), tp(2));
		assertThat(partitionsOf(assignment, "b-member")).isEmpty();
	}

	@Test
	void theCurrentOwnerStaysOwnerWhenAnotherMemberJoins() {
		SingleOwnerAssignor owner = new SingleOwnerAssignor();
		owner.onAssignment(new Assignment(List.of(tp(0), tp(1), tp(2))), new ConsumerGroupMetadata("g"));
		Subscription ownerSubscription = new Subscription(List.of(TOPIC), owner.subscriptionUserData(Set.of(TOPIC)));

		GroupAssignment assignment = owner.assign(this.cluster,
				group(Map.of("a-newcomer", subscription(false), "z-owner", ownerSubscription)));

		assertThat(partitionsOf(assignment, "z-owner")).hasSize(3);
		assertThat(partitionsOf(assignment, "a-newcomer")).isEmpty();
	}

	static GroupSubscription group(Map<String, Subscription> members) {
		return new GroupSubscription(members);
	}

	static Subscription subscription(boolean owner) {
		return new Subscription(List.of(TOPIC), ByteBuffer.wrap(new byte[] { (byte) (owner ? 1 : 0) }), List.of(), -1,
				Optional.empty());
	}

	static List<TopicPartition> partitionsOf(GroupAssignment assignment, String member) {
		return assignment.groupAssignment().get(member).partitions();
	}

	static PartitionInfo partition(int number) {
		return new PartitionInfo(TOPIC, number, null, new Node[0], new Node[0]);
	}

	static TopicPartition tp(int number) {
		return new TopicPartition(TOPIC, number);
	}

}
