package dev.clickstream.producer;

import dev.clickstream.kafka.ClickstreamTopics;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The same run as with the embedded broker, against the broker image the project deploys, with the original
 * script's model. Skipped without Docker.
 */
@SpringBootTest(properties = { "clickstream.generator.model=seed", "clickstream.generator.limit=500",
		"clickstream.generator.rate=2000" })
@Testcontainers(disabledWithoutDocker = true)
@DirtiesContext
class ClickstreamProducerContainerTest {

	@Container
	@ServiceConnection
	static final KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.2");

	@Autowired
	ClickstreamTopics topics;

	@Autowired
	MeterRegistry registry;

	@Test
	void writesExactlyTheLimitAsSeedJsonKeyedByUser() {
		EventTopicAssertions.assertTopicHoldsExactlyTheLimit(kafka.getBootstrapServers(), this.topics.events().name(),
				500, this.registry);
	}

}
