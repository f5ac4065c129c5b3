package dev.clickstream.dashboard.topics;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.clickstream.dashboard.DashboardThreads;

import org.springframework.context.SmartLifecycle;

/**
 * Samples the pipeline's offsets and log sizes on one thread, every interval, into {@link TopicRates}, whatever the
 * number of dashboards. While the broker is away each sample fails and is tried again at the next interval; the
 * outage is logged when it begins and when it ends, not at every sample.
 */
final class RatesSampler implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(RatesSampler.class);

	private final AdminReads reads;

	private final TopicRates rates;

	private final Duration interval;

	private final Duration timeout;

	// Only the sampler's thread touches it.
	private int failures;

	private volatile @Nullable ScheduledExecutorService executor;

	RatesSampler(AdminReads reads, TopicRates rates, Duration interval, Duration timeout) {
		this.reads = reads;
		this.rates = rates;
		this.interval = interval;
		this.timeout = timeout;
	}

	@Override
	public void start() {
		ScheduledExecutorService started = DashboardThreads.scheduler("topic-rates");
		started.scheduleWithFixedDelay(this::sample, 0, this.interval.toMillis(), TimeUnit.MILLISECONDS);
		this.executor = started;
	}

	private void sample() {
		// A scheduled task that throws is never run again: every failure is caught, and the next sample tries again.
		try {
			this.rates.add(this.reads.sample(this.timeout));
			if (this.failures > 0) {
				logger.info("Sampling the topics' offsets works again, after {} failed samples", this.failures);
				this.failures = 0;
			}
		}
		catch (RuntimeException ex) {
			if (Thread.currentThread().isInterrupted()) {
				return;
			}
			String error = describe(ex);
			this.rates.failed(error);
			if (this.failures++ == 0) {
				logger.warn("Sampling the topics' offsets failed; /api/topics/rates shows the last sample that worked, "
						+ "marked stale, and sampling goes on every {} ms: {}", this.interval.toMillis(), error);
			}
			else {
				logger.debug("Sampling the topics' offsets failed again: {}", error);
			}
		}
	}

	private static String describe(Throwable failure) {
		String message = failure.getMessage();
		return failure.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

	@Override
	public void stop() {
		ScheduledExecutorService current = this.executor;
		this.executor = null;
		if (current != null) {
			current.shutdownNow();
			try {
				current.awaitTermination(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

}
