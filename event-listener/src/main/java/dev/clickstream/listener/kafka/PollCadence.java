package dev.clickstream.listener.kafka;

import java.time.Duration;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;

import org.springframework.kafka.listener.ContainerProperties;

/**
 * Makes a publisher's container poll once per interval. Each fetch is held at the broker for the interval, never cut
 * short by data (what an interval brings is far below the minimum asked for), and the listener publishes once per
 * poll: at most once per interval, each time with everything committed until its fetch returned. Pausing between
 * polls instead would publish what was fetched one interval earlier, since the consumer fetches ahead.
 */
public final class PollCadence {

	/** Longer fetch waits would approach the consumer's request timeout; longer intervals also idle between polls. */
	static final Duration MAX_FETCH_WAIT = Duration.ofSeconds(5);

	/** Far more than the changes of an interval (small records, a few per counting transaction). */
	static final int UNREACHED_FETCH_BYTES = 16 * 1024 * 1024;

	private PollCadence() {
	}

	public static void oncePer(Duration interval, ContainerProperties containerProperties) {
		Properties consumer = containerProperties.getKafkaConsumerProperties();
		Duration fetchWait = (interval.compareTo(MAX_FETCH_WAIT) < 0) ? interval : MAX_FETCH_WAIT;
		consumer.setProperty(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, Long.toString(fetchWait.toMillis()));
		consumer.setProperty(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, Integer.toString(UNREACHED_FETCH_BYTES));
		containerProperties.setIdleBetweenPolls(interval.minus(fetchWait).toMillis());
	}

}
