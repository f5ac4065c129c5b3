package dev.clickstream.systemtest;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

import dev.clickstream.model.InvalidClickEventException.Reason;
import dev.clickstream.model.MetricNames;
import dev.clickstream.systemtest.harness.BuiltJars;
import dev.clickstream.systemtest.harness.EventTopicWriter;
import dev.clickstream.systemtest.harness.KafkaBrokerProcess;
import dev.clickstream.systemtest.harness.ProcessGroup;
import dev.clickstream.systemtest.harness.ServiceProcess;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The listener's counters of known tags are scraped at 0 as soon as it is up, so the first dead letter of a reason
 * is a step from 0 to 1 in a series Prometheus already has: what {@code increase()} and an alert on it can see.
 */
class MetersFromStartupIT {

	static final String[] EVENT_NAMES = { "productview", "purchase", "addtobasket", "removefrombasket" };

	@AutoClose
	ProcessGroup processes = ProcessGroup.forTest("meters-from-startup");

	@Test
	void everyKnownSeriesStartsAtZeroAndTheFirstDeadLetterIsAnIncrease() {
		KafkaBrokerProcess broker = processes.startBroker();
		ServiceProcess listener = processes.startService("event-listener", BuiltJars.eventListener(), broker,
				"--clickstream.instance-id=meters-it", "--clickstream.snapshots.interval=200ms");

		PrometheusScrape atStart = PrometheusScrape.of(listener);
		Map<String, Double> zeroPerReason = new TreeMap<>();
		Arrays.stream(Reason.values()).forEach(reason -> zeroPerReason.put(reason.tag(), 0.0));
		Map<String, Double> zeroPerName = new TreeMap<>();
		Arrays.stream(EVENT_NAMES).forEach(name -> zeroPerName.put(name, 0.0));
		assertThat(atStart.counter(MetricNames.EVENTS_DEAD_LETTERED, MetricNames.REASON)).isEqualTo(zeroPerReason);
		assertThat(atStart.counter(MetricNames.EVENTS_COUNTED, MetricNames.EVENT_NAME)).isEqualTo(zeroPerName);

		try (EventTopicWriter writer = new EventTopicWriter(broker.bootstrapServers())) {
			writer.write(1, 1);
		}

		Map<String, Double> afterOne = new TreeMap<>(zeroPerReason);
		afterOne.put(Reason.NOT_JSON.tag(), 1.0);
		await("the dead letter counted").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> assertThat(
					PrometheusScrape.of(listener).counter(MetricNames.EVENTS_DEAD_LETTERED, MetricNames.REASON))
				.isEqualTo(afterOne));
	}

}
