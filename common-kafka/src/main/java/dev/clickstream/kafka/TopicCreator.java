package dev.clickstream.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Creates the declared topics that are missing, and adds partitions where a topic has fewer than declared. Unlike
 * Spring's one attempt at startup, it keeps trying while Kafka is unreachable: a service started before its broker
 * starts anyway and gets its topics once the broker is there. The first attempt runs before the listener containers
 * start, so in the usual case they find their topics.
 */
class TopicCreator implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(TopicCreator.class);

	// Long enough to tell a broker that is away, short enough not to hold up startup much when it is.
	private static final Duration REACH_TIMEOUT = Duration.ofSeconds(5);

	// Creating topics on a broker that just started, on a busy machine, can take seconds.
	private static final Duration OPERATION_TIMEOUT = Duration.ofSeconds(30);

	private static final Duration RETRY_INTERVAL = Duration.ofSeconds(5);

	private final Map<String, Object> adminConfig;

	private final List<NewTopic> topics;

	private volatile boolean running;

	private volatile Thread retrying;

	TopicCreator(KafkaAdmin kafkaAdmin, List<NewTopic> topics) {
		Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
		config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) OPERATION_TIMEOUT.toMillis());
		this.adminConfig = config;
		this.topics = List.copyOf(topics);
	}

	@Override
	public void start() {
		this.running = true;
		if (createMissing()) {
			return;
		}
		logger.warn("Kafka is not reachable at {}; the topics {} will be created when it is",
				this.adminConfig.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG), names());
		Thread thread = new Thread(this::retry, "topic-creator");
		thread.setDaemon(true);
		this.retrying = thread;
		thread.start();
	}

	private void retry() {
		while (this.running) {
			try {
				Thread.sleep(RETRY_INTERVAL.toMillis());
			}
			catch (InterruptedException ex) {
				return;
			}
			if (createMissing()) {
				return;
			}
		}
	}

	/** @return whether every declared topic now exists */
	boolean createMissing() {
		try (Admin admin = Admin.create(this.adminConfig)) {
			Set<String> existing = admin.listTopics(new ListTopicsOptions().timeoutMs((int) REACH_TIMEOUT.toMillis()))
				.names()
				.get(REACH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			List<NewTopic> missing = this.topics.stream().filter(topic -> !existing.contains(topic.name())).toList();
			if (!missing.isEmpty()) {
				createTopics(admin, missing);
				logger.info("Created the topics {}", missing.stream().map(NewTopic::name).toList());
			}
			addPartitionsWhereFewer(admin, existing);
			return true;
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			logger.debug("Could not create the topics yet", ex);
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private void createTopics(Admin admin, List<NewTopic> missing) throws InterruptedException, ExecutionException,
			TimeoutException {
		try {
			admin.createTopics(missing).all().get(OPERATION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			// The other service may have created the same topics a moment before.
			if (!(ex.getCause() instanceof TopicExistsException)) {
				throw ex;
			}
		}
	}

	private void addPartitionsWhereFewer(Admin admin, Set<String> existing) throws InterruptedException,
			ExecutionException, TimeoutException {
		List<NewTopic> declaredAndExisting = this.topics.stream().filter(topic -> existing.contains(topic.name())).toList();
		if (declaredAndExisting.isEmpty()) {
			return;
		}
		Map<String, TopicDescription> descriptions = admin
			.describeTopics(declaredAndExisting.stream().map(NewTopic::name).toList())
			.allTopicNames()
			.get(OPERATION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		Map<String, NewPartitions> increases = new HashMap<>();
		for (NewTopic topic : declaredAndExisting) {
			int actual = descriptions.get(topic.name()).partitions().size();
			if (actual < topic.numPartitions()) {
				increases.put(topic.name(), NewPartitions.increaseTo(topic.numPartitions()));
			}
			else if (actual > topic.numPartitions()) {
				logger.warn("Topic {} has {} partitions, more than the {} configured; set the configured count to {}",
						topic.name(), actual, topic.numPartitions(), actual);
			}
		}
		if (!increases.isEmpty()) {
			admin.createPartitions(increases).all().get(OPERATION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			logger.info("Added partitions: {}", increases);
		}
	}

	private List<String> names() {
		List<String> names = new ArrayList<>();
		this.topics.forEach(topic -> names.add(topic.name()));
		return names;
	}

	@Override
	public void stop() {
		this.running = false;
		Thread thread = this.retrying;
		if (thread != null) {
			thread.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// Before the listener containers (DEFAULT_PHASE), so they usually find their topics at their first poll.
		return SmartLifecycle.DEFAULT_PHASE - 1000;
	}

}
