package dev.clickstream.kafka;

import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.util.backoff.BackOffExecution;

/**
 * Has the declared topics created, and keeps trying in the background while Kafka is unreachable, where Spring's
 * own creation at start-up tries once: a service started before its broker starts anyway and gets its topics once the
 * broker is there. The first attempt runs before the listener containers start, so in the usual case they find their
 * topics.
 */
class TopicCreator implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(TopicCreator.class);

	private final TopicAdmin admin;

	private volatile boolean running;

	private volatile @Nullable Thread retrying;

	TopicCreator(TopicAdmin admin) {
		this.admin = admin;
	}

	@Override
	public void start() {
		this.running = true;
		RuntimeException failure = attempt();
		if (failure == null) {
			return;
		}
		// One line for the whole outage: each later attempt fails alike, and the Kafka clients warn of the connection.
		String refused = KafkaAccessFailures.describe(failure, this.admin.getConfigurationProperties());
		if (refused != null) {
			logger.error("Could not create the topics {} at {}: {}; retrying in the background", this.admin.topicNames(),
					this.admin.bootstrapServers(), refused);
		}
		else {
			logger.warn("Could not create the topics {} at {} yet ({}); retrying in the background until Kafka answers",
					this.admin.topicNames(), this.admin.bootstrapServers(), reason(failure));
		}
		Thread thread = new Thread(this::retry, "topic-creator");
		thread.setDaemon(true);
		this.retrying = thread;
		thread.start();
	}

	private void retry() {
		BackOffExecution backOff = KafkaRetries.backOff().start();
		while (this.running && KafkaRetries.pause(backOff)) {
			if (attempt() == null) {
				logger.info("Kafka answered: the topics {} exist", this.admin.topicNames());
				return;
			}
		}
	}

	/** @return why the topics could not be created, or null if they all exist now */
	private @Nullable RuntimeException attempt() {
		try {
			// False only when interrupted, which stop() does to end the retries.
			return this.admin.initialize() ? null : new IllegalStateException("interrupted");
		}
		catch (RuntimeException ex) {
			logger.debug("Could not create the topics yet", ex);
			return ex;
		}
	}

	private static String reason(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null) {
			cause = cause.getCause();
		}
		if (cause instanceof TimeoutException) {
			return "no answer within " + TopicAdmin.OPERATION_TIMEOUT_SECONDS + " s";
		}
		return cause.getClass().getSimpleName() + ": " + cause.getMessage();
	}

	/** Whether the background retries are under way. */
	boolean retrying() {
		Thread thread = this.retrying;
		return thread != null && thread.isAlive();
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
