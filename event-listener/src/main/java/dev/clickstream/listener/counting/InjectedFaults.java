package dev.clickstream.listener.counting;

import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import dev.clickstream.listener.EventListenerProperties;
import dev.clickstream.model.MetricNames;

import org.springframework.stereotype.Component;

/**
 * Fails batches on purpose when {@code clickstream.faults.fail-every-nth-batch} is set, so tests can show that a
 * rolled-back batch leaves no trace in the counts.
 */
@Component
class InjectedFaults {

	private final int failEveryNthBatch;

	private final AtomicLong batches = new AtomicLong();

	private final Counter injected;

	InjectedFaults(EventListenerProperties properties, MeterRegistry registry) {
		this.failEveryNthBatch = properties.faults().failEveryNthBatch();
		this.injected = Counter.builder(MetricNames.FAULTS_INJECTED)
			.description("Batches failed on purpose by clickstream.faults.fail-every-nth-batch")
			.register(registry);
	}

	void beforeCommit() {
		if (this.failEveryNthBatch > 0 && this.batches.incrementAndGet() % this.failEveryNthBatch == 0) {
			this.injected.increment();
			throw new InjectedFaultException();
		}
	}

	static class InjectedFaultException extends RuntimeException {

		InjectedFaultException() {
			super("fault injected after the batch's writes and before its commit (clickstream.faults.fail-every-nth-batch)",
					null, false, false);
		}

	}

}
