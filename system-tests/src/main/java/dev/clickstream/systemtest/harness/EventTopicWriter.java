package dev.clickstream.systemtest.harness;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.clickstream.model.SeedTime;

/**
 * Writes seed-format click events to the event topic with a plain Kafka producer, and keeps the exact count of every
 * event name it got acknowledged: the expected totals of a test. Not thread-safe.
 */
public final class EventTopicWriter implements AutoCloseable {

	/** The seed's names, in proportions that differ, so a count that moves between names shows. */
	private static final String[] NAMES = { "productview", "productview", "productview", "purchase", "addtobasket",
			"addtobasket", "removefrombasket" };

	private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

	private final KafkaProducer<String, byte[]> producer;

	private final SplittableRandom random = new SplittableRandom(42);

	private final Map<String, Long> written = new TreeMap<>();

	private long poisonWritten;

	public EventTopicWriter(String bootstrapServers) {
		this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
				ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.CLIENT_ID_CONFIG, "system-test-writer"),
				new StringSerializer(), new ByteArraySerializer());
	}

	/**
	 * Writes click events and waits until the broker has acknowledged all of them.
	 * @param poisonEvery every n-th record is not JSON, for the dead-letter topic; 0 for none
	 */
	public void write(int count, int poisonEvery) {
		List<Future<RecordMetadata>> sends = new ArrayList<>(count);
		Map<String, Long> batch = new TreeMap<>();
		long poison = 0;
		for (int i = 1; i <= count; i++) {
			String userId = randomString(8);
			byte[] value;
			if (poisonEvery > 0 && i % poisonEvery == 0) {
				value = ("not a click event #" + i).getBytes(StandardCharsets.UTF_8);
				poison++;
			}
			else {
				String eventName = NAMES[this.random.nextInt(NAMES.length)];
				value = ("{\"date\":\"2026-11-28T10:00:00UTC\",\"productId\":\"" + randomString(15)
						+ "\",\"eventName\":\"" + eventName + "\",\"userId\":\"" + userId + "\"}")
					.getBytes(StandardCharsets.UTF_8);
				batch.merge(eventName, 1L, Long::sum);
			}
			sends.add(this.producer.send(new ProducerRecord<>(Topics.EVENTS, userId, value)));
		}
		awaitAcknowledged(sends);
		batch.forEach((name, n) -> this.written.merge(name, n, Long::sum));
		this.poisonWritten += poison;
	}

	/**
	 * Writes click events dated by {@code epochSeconds}, one call per event, and waits until the broker has
	 * acknowledged all of them.
	 */
	public void writeDated(int count, LongSupplier epochSeconds) {
		List<Future<RecordMetadata>> sends = new ArrayList<>(count);
		Map<String, Long> batch = new TreeMap<>();
		for (int i = 0; i < count; i++) {
			String userId = randomString(8);
			String eventName = NAMES[this.random.nextInt(NAMES.length)];
			long epochSecond = epochSeconds.getAsLong();
			sends.add(sendDated(epochSecond, randomString(15), eventName, userId));
			batch.merge(eventName, 1L, Long::sum);
		}
		awaitAcknowledged(sends);
		batch.forEach((name, n) -> this.written.merge(name, n, Long::sum));
	}

	/**
	 * Writes click events of a shop's users and products, dated by {@code epochSeconds}, one call per event, and waits
	 * until the broker has acknowledged all of them. Unlike {@link #writeDated(int, LongSupplier)}, users come back and
	 * products are seen many times, so that unique users and top products have something to count.
	 */
	public void writeDated(int count, LongSupplier epochSeconds, Shop shop) {
		List<Future<RecordMetadata>> sends = new ArrayList<>(count);
		Map<String, Long> batch = new TreeMap<>();
		for (int i = 0; i < count; i++) {
			String eventName = shop.eventName();
			sends.add(sendDated(epochSeconds.getAsLong(), shop.productId(), eventName, shop.userId()));
			batch.merge(eventName, 1L, Long::sum);
		}
		awaitAcknowledged(sends);
		batch.forEach((name, n) -> this.written.merge(name, n, Long::sum));
	}

	private Future<RecordMetadata> sendDated(long epochSecond, String productId, String eventName, String userId) {
		byte[] value = ("{\"date\":\"" + SeedTime.format(Instant.ofEpochSecond(epochSecond)) + "\",\"productId\":\""
				+ productId + "\",\"eventName\":\"" + eventName + "\",\"userId\":\"" + userId + "\"}")
			.getBytes(StandardCharsets.UTF_8);
		return this.producer.send(new ProducerRecord<>(Topics.EVENTS, userId, value));
	}

	private static void awaitAcknowledged(List<Future<RecordMetadata>> sends) {
		for (Future<RecordMetadata> send : sends) {
			try {
				send.get(2, TimeUnit.MINUTES);
			}
			catch (ExecutionException | TimeoutException ex) {
				throw new IllegalStateException("the broker did not acknowledge an event: " + ex, ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while writing events", ex);
			}
		}
	}

	/** How many click events of each name were written and acknowledged so far. */
	public Map<String, Long> written() {
		return new TreeMap<>(this.written);
	}

	public long totalWritten() {
		return this.written.values().stream().mapToLong(Long::longValue).sum();
	}

	/** How many records that are not click events were written and acknowledged so far. */
	public long poisonWritten() {
		return this.poisonWritten;
	}

	private String randomString(int length) {
		char[] chars = new char[length];
		for (int i = 0; i < length; i++) {
			chars[i] = ALPHABET.charAt(this.random.nextInt(ALPHABET.length()));
		}
		return new String(chars);
	}

	@Override
	public void close() {
		this.producer.close();
	}

}
