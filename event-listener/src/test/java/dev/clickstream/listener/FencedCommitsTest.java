package dev.clickstream.listener;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.common.errors.ProducerFencedException;
import org.junit.jupiter.api.Test;

import dev.clickstream.kafka.ReadCommittedConsumers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.transaction.KafkaTransactionManager;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A commit that fails with a fenced producer takes another path in spring-kafka than an ordinary rollback: the
 * container does not seek back, it polls on. The counts must stay exact all the same.
 */
@SpringBootTest(properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
		"clickstream.instance-id=test", "clickstream.snapshots.interval=200ms",
		"spring.kafka.consumer.max-poll-records=100", "spring.main.allow-bean-definition-overriding=true",
		"logging.level.org.springframework.kafka=OFF", "logging.level.org.springframework.transaction=OFF" })
@EmbeddedKafka(partitions = 3, brokerProperties = { "transaction.state.log.replication.factor=1",
		"transaction.state.log.min.isr=1", "offsets.topic.replication.factor=1" })
class FencedCommitsTest {

	@Autowired
	EmbeddedKafkaBroker broker;

	@Autowired
	ReadCommittedConsumers consumers;

	@Autowired
	FencingTransactionManager transactionManager;

	@Test
	void countsStayExactWhenCommitsFailWithAFencedProducer() {
		EventTopicFixture fixture = new EventTopicFixture(this.broker.getBrokersAsString(), this.consumers);
		Map<String, Long> sent = fixture.sendEvents(3_000);

		await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(fixture.newestCounts()).isEqualTo(sent));
		assertThat(this.transactionManager.fenced.get()).as("commits failed as fenced").isGreaterThanOrEqualTo(5);
	}

	/** Fails every fifth commit as a fenced producer would, after rolling its transaction back. */
	static class FencingTransactionManager extends KafkaTransactionManager<Object, Object> {

		final AtomicInteger commits = new AtomicInteger();

		final AtomicInteger fenced = new AtomicInteger();

		FencingTransactionManager(ProducerFactory<Object, Object> producerFactory) {
			super(producerFactory);
			setTransactionSynchronization(AbstractPlatformTransactionManager.SYNCHRONIZATION_ON_ACTUAL_TRANSACTION);
		}

		@Override
		protected void doCommit(DefaultTransactionStatus status) {
			if (this.commits.incrementAndGet() % 5 == 0) {
				this.fenced.incrementAndGet();
				// Spring rolls the transaction back on a commit exception, then rethrows it to the container.
				throw new ProducerFencedException("injected by the test");
			}
			super.doCommit(status);
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Fencing {

		@Bean
		@SuppressWarnings("unchecked")
		FencingTransactionManager kafkaTransactionManager(ProducerFactory<?, ?> producerFactory) {
			return new FencingTransactionManager((ProducerFactory<Object, Object>) producerFactory);
		}

	}

}
