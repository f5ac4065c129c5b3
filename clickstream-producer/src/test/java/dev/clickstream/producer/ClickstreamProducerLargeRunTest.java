package dev.clickstream.producer;

import java.util.Map;

import dev.clickstream.kafka.ClickstreamTopics;
import dev.clickstream.producer.generator.GeneratorControl;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;


import static org.assertj.core.api.Assertions.assertThat;
/**
 * A run of 100,000 events at 20,000 a second against an in-process broker, with ticks of 2,000 events sent in chunks
 * and many batches in flight at once: every event is acknowledged, none fails, and the topic holds exactly the
 * events counted per name. How fast it goes depends on the machine and is measured by the benchmarks, not here.
 */
@SpringBootTest(properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
		"clickstream.generator.rate=20000", "clickstream.generator.limit=" + ClickstreamProducerLargeRunTest.LIMIT,
		"clickstream.generator.seed=1",
		"logging.level.kafka=WARN", "logging.level.org.apache.kafka=WARN", "logging.level.state.change.logger=WARN" })
@EmbeddedKafka
// The context holds the broker: closing it after the class frees the two cores for the next.
@DirtiesContext
class ClickstreamProducerLargeRunTest {

	static final int LIMIT = 100_000;

	@Autowired
	ClickstreamTopics topics;

	@Autowired
	MeterRegistry registry;

	@Value("${spring.embedded.kafka.brokers}")
	String bootstrapServers;

	@Autowired
	GeneratorControl control;

	@Test
	void acknowledgesEveryEventAndTheTopicHoldsExactlyTheCountPerNameKnownBeforehand() {
		Map<String, Long> onTheTopic = EventTopicAssertions.assertTopicHoldsExactlyTheLimit(this.bootstrapServers,
				this.topics.events().name(), LIMIT, this.registry);

		assertThat(onTheTopic).isEqualTo(this.control.status().expectedTotals());
	}

}
