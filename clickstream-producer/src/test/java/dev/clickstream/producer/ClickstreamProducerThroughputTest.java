package dev.clickstream.producer;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the generator at 20,000 events a second against an in-process broker and logs the acknowledged rate it
 * reaches. Only the outcome is asserted, not the speed: timing depends on the machine.
 */
@SpringBootTest(properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
		"clickstream.generator.rate=20000", "logging.level.kafka=WARN", "logging.level.org.apache.kafka=WARN",
		"logging.level.state.change.logger=WARN" })
@EmbeddedKafka
// Unlimited: the context must not outlive the class and keep producing while other tests run.
@DirtiesContext
class ClickstreamProducerThroughputTest {

	private static final Logger log = LoggerFactory.getLogger(ClickstreamProducerThroughputTest.class);

	static final long WARM_UP = 20_000;

	static final long MEASURED = 200_000;

	@Autowired
	MeterRegistry registry;

	@Test
	void acknowledgesEventsSteadilyAtTwentyThousandASecond() {
		await().atMost(Duration.ofSeconds(60)).until(() -> produced() >= WARM_UP);
		long startCount = produced();
		long startNanos = System.nanoTime();

		await().atMost(Duration.ofSeconds(120)).until(() -> produced() >= startCount + MEASURED);

		double seconds = (System.nanoTime() - startNanos) / 1e9;
		long count = produced() - startCount;
		log.info("Throughput: {} events acknowledged in {} s = {} events/s (configured 20000/s); "
				+ "skipped {}, failed {}", count, String.format("%.2f", seconds), Math.round(count / seconds),
				Math.round(this.registry.get("clickstream.events.skipped").counter().count()),
				this.registry.find("clickstream.events.failed").counters().size());
		assertThat(this.registry.find("clickstream.events.failed").counters()).isEmpty();
	}

	private long produced() {
		return Math.round(this.registry.find("clickstream.events.produced")
			.counters()
			.stream()
			.mapToDouble(counter -> counter.count())
			.sum());
	}

}
