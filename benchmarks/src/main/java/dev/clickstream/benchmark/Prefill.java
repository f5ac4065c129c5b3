package dev.clickstream.benchmark;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import dev.clickstream.model.ClickEvent;

/**
 * Fills an event topic the way the click-stream producer does: seed-format JSON of a {@link ClickEvent} (about 110
 * bytes) written by Jackson, keyed by userId, with the producer's settings (acks=all, idempotence, no compression,
 * 64 KB batches, linger 5 ms), dated in order a second every thousand events, so that a million events span
 * seventeen one-minute windows. Not the system tests' EventTopicWriter: that writes to the services' default event
 * topic only, and every repetition here needs a fresh topic.
 */
final class Prefill {

	private static final List<String> EVENT_NAMES = List.of("productview", "purchase", "addtobasket",
			"removefrombasket");

	private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

	/** The first event's date; the dates advance a second every thousand events, in order. */
	static final Instant FIRST_DATE = Instant.parse("2026-01-01T00:00:00Z");

	static final int EVENTS_PER_SECOND_OF_EVENT_TIME = 1000;

	private Prefill() {
	}

	/** Writes the events and returns once the broker acknowledged every one. */
	static void write(String bootstrapServers, String topic, long count) {
		ObjectWriter writer = JsonMapper.builder().build().writerFor(ClickEvent.class);
		SplittableRandom random = new SplittableRandom(count);
		AtomicLong acknowledged = new AtomicLong();
		AtomicReference<Exception> failure = new AtomicReference<>();
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
				ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.CLIENT_ID_CONFIG, "benchmark-prefill",
				// the click-stream producer's settings (clickstream-producer/src/main/resources/application.yml)
				ProducerConfig.ACKS_CONFIG, "all",
				ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
				ProducerConfig.COMPRESSION_TYPE_CONFIG, "none",
				ProducerConfig.BATCH_SIZE_CONFIG, 65_536,
				ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer())) {
			for (long i = 0; i < count; i++) {
				ClickEvent event = new ClickEvent(FIRST_DATE.plusSeconds(i / EVENTS_PER_SECOND_OF_EVENT_TIME),
						randomString(random, 15),
						EVENT_NAMES.get(random.nextInt(EVENT_NAMES.size())), randomString(random, 8));
				producer.send(new ProducerRecord<>(topic, event.userId(), writer.writeValueAsBytes(event)),
						(metadata, exception) -> {
							if (exception != null) {
								failure.compareAndSet(null, exception);
							}
							else {
								acknowledged.incrementAndGet();
							}
						});
			}
			producer.flush();
		}
		if (failure.get() != null || acknowledged.get() != count) {
			throw new IllegalStateException("prefill of " + topic + ": " + acknowledged.get() + " of " + count
					+ " acknowledged", failure.get());
		}
	}

	private static String randomString(SplittableRandom random, int length) {
		char[] chars = new char[length];
		for (int i = 0; i < length; i++) {
			chars[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
		}
		return new String(chars);
	}

}
