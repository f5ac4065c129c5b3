package dev.clickstream.listener;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import dev.clickstream.kafka.ClickstreamTopics;
import dev.clickstream.kafka.ReadCommittedConsumers;
import dev.clickstream.model.MetricNames;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
		"clickstream.instance-id=test", "clickstream.snapshots.interval=200ms",
		"logging.level.dev.clickstream.listener.counting.DeadLetterWriter=OFF" })
@EmbeddedKafka(partitions = 3, brokerProperties = { "transaction.state.log.replication.factor=1",
		"transaction.state.log.min.isr=1", "offsets.topic.replication.factor=1" })
class PoisonRecordsTest {

	static final String GOOD = "{\"date\":\"2020-03-25T19:05:49UTC\",\"productId\":\"4pqurkxx3oku8yj\",\"eventName\":\"%s\",\"userId\":\"ur0kzmbj\"}";

	@Autowired
	EmbeddedKafkaBroker broker;

	@Autowired
	ReadCommittedConsumers consumers;

	@Autowired
	MeterRegistry meters;

	@Test
	void eachPoisonRecordIsDeadLetteredOnceWithItsReasonAndTheGoodOnesAroundItAreCounted() {
		Map<String, byte[]> poison = new LinkedHashMap<>();
		poison.put("empty", new byte[0]);
		poison.put("not-json", utf8("<xml>not json</xml>"));
		poison.put("not-utf8", "{\"eventName\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
		poison.put("not-an-object", utf8("[\"purchase\"]"));
		poison.put("missing-field", utf8("{\"date\":\"2020-03-25T19:05:49UTC\",\"eventName\":\"purchase\",\"userId\":\"u\"}"));
		poison.put("wrong-type", utf8(GOOD.replace("\"ur0kzmbj\"", "12345678")));
		poison.put("bad-date", utf8(GOOD.formatted("purchase").replace("2020-03-25T19:05:49UTC", "yesterday")));
		poison.put("unknown-event-name", utf8(GOOD.formatted("share")));
		poison.put("too-large", utf8(GOOD.formatted("purchase").replace("}", ",\"pad\":\"" + "x".repeat(8000) + "\"}")));
		List<byte @Nullable []> values = new ArrayList<>();
		Map<String, Long> good = new TreeMap<>();
		String[] names = { "purchase", "productview", "addtobasket" };
		int i = 0;
		for (byte[] bad : poison.values()) {
			String name = names[i++ % names.length];
			values.add(utf8(GOOD.formatted(name)));
			good.merge(name, 1L, Long::sum);
			values.add(bad);
		}
		values.add(utf8(GOOD.formatted("removefrombasket")));
		good.merge("removefrombasket", 1L, Long::sum);
		values.add(null);
		EventTopicFixture fixture = new EventTopicFixture(this.broker.getBrokersAsString(), this.consumers);

		fixture.sendRaw(1, values);

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(fixture.newestCounts()).isEqualTo(good));
		List<ConsumerRecord<String, byte[]>> deadLetters = fixture.records(ClickstreamTopics.DEFAULT_EVENTS + ".DLT");
		Map<String, Long> reasons = new TreeMap<>();
		for (ConsumerRecord<String, byte[]> deadLetter : deadLetters) {
			reasons.merge(header(deadLetter, "dlt.reason"), 1L, Long::sum);
			assertThat(deadLetter.partition()).isEqualTo(1);
			assertThat(header(deadLetter, "dlt.original.topic")).isEqualTo(ClickstreamTopics.DEFAULT_EVENTS);
			assertThat(header(deadLetter, "dlt.original.partition")).isEqualTo("1");
			int offset = Integer.parseInt(header(deadLetter, "dlt.original.offset"));
			assertThat(deadLetter.value()).as("the value of the record at offset %d, byte for byte", offset)
				.isEqualTo(values.get(offset));
			assertThat(deadLetter.key()).isEqualTo("raw-" + offset);
			assertThat(header(deadLetter, EventTopicFixture.TRACE_ID)).as("its own header").isEqualTo("t-" + offset);
			assertThat(header(deadLetter, "dlt.detail")).isNotBlank();
		}
		Map<String, Long> expectedReasons = new TreeMap<>();
		poison.keySet().forEach(reason -> expectedReasons.put(reason, 1L));
		expectedReasons.merge("empty", 1L, Long::sum);
		assertThat(reasons).isEqualTo(expectedReasons);
		assertThat(this.meters.get(MetricNames.EVENTS_DEAD_LETTERED).tag("reason", "not-json").counter().count())
			.isEqualTo(1.0);
	}

	static String header(ConsumerRecord<String, byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		assertThat(header).as("header %s", name).isNotNull();
		return new String(header.value(), StandardCharsets.UTF_8);
	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
