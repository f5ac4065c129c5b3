package dev.clickstream.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import dev.clickstream.systemtest.harness.JavaCommand;
import dev.clickstream.systemtest.harness.ManagedProcess;

/**
 * What every run shares: the settings, the one broker, an Admin client, the run's directory and the memory sampler.
 *
 * @param listenerJar the event-listener jar as built
 * @param producerJar the clickstream-producer jar as built
 * @param brokerPid the broker's process, whose CPU time the runs read
 */
record Bench(Settings settings, String bootstrapServers, Admin admin, Path dir, RssSampler rss, Path listenerJar,
		Path producerJar, long brokerPid) {

	static final int PARTITIONS = 3;

	/**
	 * A contender's JVM running a jar, with JVM options of the run's choosing (a profile needs
	 * {@code -XX:StartFlightRecording}), in the run's directory, its output in {@code <name>.log} there.
	 */
	ManagedProcess jarProcess(String name, Path jar, List<String> jvmOptions, List<String> args) {
		return process(name, JavaCommand.jar(jar, jvmOptions, args));
	}

	/** As {@link #jarProcess}, for a main class of the harness's own class path. */
	ManagedProcess mainClassProcess(String name, String mainClass, List<String> jvmOptions, List<String> args) {
		List<String> options = new ArrayList<>(jvmOptions);
		// slf4j-simple: warnings and errors only, as the listener logs the Kafka clients
		options.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
		return process(name, JavaCommand.mainClass(JavaCommand.classpath(), mainClass, options, args));
	}

	private ManagedProcess process(String name, List<String> command) {
		return new ManagedProcess(name, command, this.dir, this.dir.resolve(name + ".log"));
	}

	/** The broker's CPU use from now on. */
	CpuTime.Usage brokerCpu() {
		return CpuTime.Usage.from(this.brokerPid);
	}

	void createTopic(String name, int partitions) {
		try {
			this.admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
			// Writing at once can meet a broker that is not yet leader (NOT_LEADER_OR_FOLLOWER), which can leave the
			// idempotent prefill stuck on OUT_OF_ORDER_SEQUENCE_NUMBER retries: wait for every partition's leader.
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			while (!everyPartitionHasALeader(name)) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("topic " + name + " has partitions without a leader after 30 s");
				}
				GroupWatch.sleep(Duration.ofMillis(20));
			}
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("cannot create topic " + name, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	private boolean everyPartitionHasALeader(String topic) throws InterruptedException, TimeoutException {
		try {
			return this.admin.describeTopics(List.of(topic))
				.allTopicNames()
				.get(30, TimeUnit.SECONDS)
				.get(topic)
				.partitions()
				.stream()
				.allMatch(partition -> partition.leader() != null && !partition.leader().isEmpty());
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof UnknownTopicOrPartitionException) {
				// created, but not yet in the metadata the broker answers from
				return false;
			}
			throw new IllegalStateException("cannot describe topic " + topic, ex);
		}
	}

	/** The sum of the end offsets of a topic's partitions, transaction markers included. */
	long endOffsets(String topic) {
		try {
			Collection<Integer> partitions = this.admin.describeTopics(List.of(topic))
				.allTopicNames()
				.get(30, TimeUnit.SECONDS)
				.get(topic)
				.partitions()
				.stream()
				.map(info -> info.partition())
				.toList();
			Map<TopicPartition, OffsetSpec> request = partitions.stream()
				.collect(Collectors.toMap(partition -> new TopicPartition(topic, partition),
						partition -> OffsetSpec.latest()));
			return this.admin.listOffsets(request)
				.all()
				.get(30, TimeUnit.SECONDS)
				.values()
				.stream()
				.mapToLong(info -> info.offset())
				.sum();
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("cannot read the end offsets of " + topic, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	/** Deletes topics no longer needed, so the broker's page cache and log cleaner serve the next run only. */
	void deleteTopicsStartingWith(String prefix) {
		try {
			Set<String> names = this.admin.listTopics().names().get(30, TimeUnit.SECONDS);
			List<String> doomed = new ArrayList<>(names.stream().filter(name -> name.startsWith(prefix)).toList());
			if (!doomed.isEmpty()) {
				this.admin.deleteTopics(doomed).all().get(60, TimeUnit.SECONDS);
			}
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("cannot delete topics " + prefix + "*", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	/**
	 * The listener's arguments that give a run its own window, late-event, dead-letter, all-time and checkpoint topics
	 * and window publisher group: runs never read each other's windows.
	 */
	static List<String> ownSideTopics(String id) {
		return List.of("--clickstream.topics.window-changelog.name=" + id + "-windows-changelog",
				"--clickstream.topics.window-results.name=" + id + "-windows",
				"--clickstream.topics.late-events.name=" + id + "-late",
				"--clickstream.topics.dead-letters.name=" + id + "-dlt",
				"--clickstream.topics.all-time.name=" + id + "-all-time",
				"--clickstream.topics.checkpoints.name=" + id + "-checkpoints",
				"--clickstream.windows.group-id=" + id + "-windows");
	}

	static Duration minutes(long minutes) {
		return Duration.ofMinutes(minutes);
	}

}
