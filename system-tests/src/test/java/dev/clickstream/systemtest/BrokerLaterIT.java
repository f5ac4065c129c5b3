package dev.clickstream.systemtest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.clickstream.systemtest.harness.BuiltJars;
import dev.clickstream.systemtest.harness.EventTopicWriter;
import dev.clickstream.systemtest.harness.KafkaBrokerProcess;
import dev.clickstream.systemtest.harness.ProcessGroup;
import dev.clickstream.systemtest.harness.ServiceProcess;
import dev.clickstream.systemtest.harness.Snapshots;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Both services started before their broker: they start anyway, say DOWN, do not crash, and work once the broker is
 * there, topics included.
 */
class BrokerLaterIT {

	@AutoClose
	ProcessGroup processes = ProcessGroup.forTest("broker-later");

	@Test
	void servicesStartedBeforeTheBrokerRecoverByThemselves() throws Exception {
		try (KafkaBrokerProcess broker = new KafkaBrokerProcess(BuiltJars.localKafka(), processes.dir().resolve("kafka"));
				ServiceProcess listener = new ServiceProcess("event-listener", BuiltJars.eventListener(),
						processes.dir(), broker.bootstrapServers(), List.of("--clickstream.instance-id=broker-later"));
				ServiceProcess producer = new ServiceProcess("clickstream-producer", BuiltJars.clickstreamProducer(),
						processes.dir(), broker.bootstrapServers(), List.of("--clickstream.generator.rate=200"))) {
			// start() returns once health is UP, which needs the broker: run them aside while there is none.
			CompletableFuture<ServiceProcess> listenerUp = CompletableFuture.supplyAsync(listener::start);
			CompletableFuture<ServiceProcess> producerUp = CompletableFuture.supplyAsync(producer::start);

			await("both answer health checks with DOWN").atMost(Duration.ofMinutes(2))
				.ignoreExceptions()
				.until(() -> listener.get("/actuator/health").statusCode() == 503
						&& producer.get("/actuator/health").statusCode() == 503);
			await("both stay up without a broker").during(Duration.ofSeconds(10))
				.atMost(Duration.ofSeconds(15))
				.until(() -> listener.isAlive() && producer.isAlive() && !listener.isUp());

			broker.start();
			listenerUp.get(2, TimeUnit.MINUTES);
			producerUp.get(2, TimeUnit.MINUTES);

			try (EventTopicWriter writer = new EventTopicWriter(broker.bootstrapServers())) {
				writer.write(5_000, 0);
				producer.stop();
				await("the generator's and the test's events counted").atMost(Duration.ofMinutes(2))
					.pollInterval(Duration.ofSeconds(1))
					.untilAsserted(() -> {
						Map<String, Long> onTopic = PipelineCounts.eventNamesOnTheEventTopic(broker.bootstrapServers());
						assertThat(onTopic.values().stream().mapToLong(Long::longValue).sum())
							.isGreaterThan(writer.totalWritten());
						assertThat(Snapshots.newest(broker.bootstrapServers())).isEqualTo(onTopic);
					});
			}
		}
	}

}
