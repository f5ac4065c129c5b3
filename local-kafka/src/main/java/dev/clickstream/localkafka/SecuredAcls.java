package dev.clickstream.localkafka;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.Resource;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import static org.apache.kafka.common.acl.AclOperation.CREATE;
import static org.apache.kafka.common.acl.AclOperation.DESCRIBE;
import static org.apache.kafka.common.acl.AclOperation.READ;
import static org.apache.kafka.common.acl.AclOperation.WRITE;

/**
 * The users of a secured broker and what each service's user may do: exactly what its Kafka clients ask for, no
 * wildcard. {@code docs/security.md} gives the same list as {@code kafka-acls.sh} commands, and a test keeps the two
 * equal.
 *
 * <p>The topics are the services' default names ({@code ClickstreamTopics} in common-kafka; this module runs without
 * Spring, so it names them again, and the secured system test checks every topic declared there is covered). Both
 * services declare {@code event-topic} and {@code unique-event-topic} and create what is missing at startup, so either
 * may start first; hence CREATE on those, and on each topic only the listener declares. No user may alter or delete a
 * topic, change partitions or configurations: that is the admin's.
 */
final class SecuredAcls {

	/** Super user: the broker's own inter-broker login, and the one that applies these ACLs. */
	static final String ADMIN = "admin";

	static final String CLICKSTREAM_PRODUCER = "clickstream-producer";

	static final String EVENT_LISTENER = "event-listener";

	/** Every SCRAM user the broker is formatted with. */
	static final List<String> USERS = List.of(ADMIN, CLICKSTREAM_PRODUCER, EVENT_LISTENER);

	static final String EVENTS = "event-topic";

	static final String UNIQUE_EVENTS = "unique-event-topic";

	/** The topics only the listener declares, writes and reads. */
	static final List<String> LISTENER_TOPICS = List.of("event-counts-changelog", "event-counts-windows-changelog",
			"event-counts-checkpoints", "event-topic.DLT", "event-topic.late", "event-counts-per-minute",
			"event-figures-all-time");

	/** The counting consumer's group, and the single-member groups of the snapshot and window publishers. */
	static final List<String> LISTENER_GROUPS = List.of("event-listener", "event-listener-snapshots",
			"event-listener-windows");

	/** Every transactional id of the listener starts so: {@code event-listener-<instance-id>-<n>}. */
	static final String LISTENER_TRANSACTIONAL_ID_PREFIX = "event-listener-";

	/**
	 * What one user may do with one resource.
	 *
	 * @param user the SCRAM user name, principal {@code User:<user>}
	 * @param resource a topic, group, transactional id or the cluster
	 * @param operations allowed, from any host
	 */
	record Grant(String user, ResourcePattern resource, List<AclOperation> operations) {

		Grant {
			operations = List.copyOf(operations);
		}

		String principal() {
			return "User:" + user;
		}

		List<AclBinding> bindings() {
			return operations.stream()
				.map(operation -> new AclBinding(resource,
						new AccessControlEntry(principal(), "*", operation, AclPermissionType.ALLOW)))
				.toList();
		}

	}

	private SecuredAcls() {
	}

	static List<Grant> grants() {
		List<Grant> grants = new ArrayList<>();
		// The producer's idempotent sends need no IDEMPOTENT_WRITE on the cluster since Kafka 3.0: WRITE on a topic
		// allows its InitProducerId. It may create the snapshot topic, and only describe it, never write it.
		grants.add(new Grant(CLICKSTREAM_PRODUCER, topic(EVENTS), List.of(WRITE, DESCRIBE, CREATE)));
		grants.add(new Grant(CLICKSTREAM_PRODUCER, topic(UNIQUE_EVENTS), List.of(DESCRIBE, CREATE)));

		grants.add(new Grant(EVENT_LISTENER, topic(EVENTS), List.of(READ, DESCRIBE, CREATE)));
		grants.add(new Grant(EVENT_LISTENER, topic(UNIQUE_EVENTS), List.of(READ, WRITE, DESCRIBE, CREATE)));
		for (String topic : LISTENER_TOPICS) {
			grants.add(new Grant(EVENT_LISTENER, topic(topic), List.of(READ, WRITE, DESCRIBE, CREATE)));
		}
		// READ on a group also lets its offsets be committed inside a transaction and read by the dashboard's lag.
		for (String group : LISTENER_GROUPS) {
			grants.add(new Grant(EVENT_LISTENER, new ResourcePattern(ResourceType.GROUP, group, PatternType.LITERAL),
					List.of(READ)));
		}
		grants.add(new Grant(EVENT_LISTENER, new ResourcePattern(ResourceType.TRANSACTIONAL_ID,
				LISTENER_TRANSACTIONAL_ID_PREFIX, PatternType.PREFIXED), List.of(WRITE, DESCRIBE)));
		// The dashboard's topic sizes come from describeLogDirs, which Kafka allows with DESCRIBE on the cluster.
		grants.add(new Grant(EVENT_LISTENER, new ResourcePattern(ResourceType.CLUSTER, Resource.CLUSTER_NAME,
				PatternType.LITERAL), List.of(DESCRIBE)));
		return List.copyOf(grants);
	}

	static List<AclBinding> bindings() {
		return grants().stream().flatMap(grant -> grant.bindings().stream()).toList();
	}

	private static ResourcePattern topic(String name) {
		return new ResourcePattern(ResourceType.TOPIC, name, PatternType.LITERAL);
	}

}
