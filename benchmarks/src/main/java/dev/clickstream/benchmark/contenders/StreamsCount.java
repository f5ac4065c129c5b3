package dev.clickstream.benchmark.contenders;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.processor.TimestampExtractor;

import dev.clickstream.model.ClickEventReader;

/**
 * Kafka Streams doing the listener's job, as a Streams user would write it: {@code groupBy(eventName).count()},
 * exactly once (v2), committing every 100 ms, the counts to an output topic. Parses with the listener's own
 * {@link ClickEventReader}. Windowed, it counts per name and tumbling event-time window, as the listener does:
 * {@code windowedBy(TimeWindows.ofSizeAndGrace(size, grace)).count()} with each record's timestamp taken from the
 * event's date, and writes one count per name and window, keyed {@code name@windowStart}.
 *
 * <p>Arguments: bootstrap servers, input topic, output topic, application id, state directory, stream threads, and
 * either {@code total} or the window size and grace in seconds, as {@code 60,30}.
 */
public final class StreamsCount {

	private StreamsCount() {
	}

	public static void main(String[] args) throws InterruptedException {
		if (args.length != 7) {
			throw new IllegalArgumentException("usage: StreamsCount <bootstrap> <input> <output> <application-id> "
					+ "<state-dir> <threads> total|<window-seconds>,<grace-seconds>");
		}
		ClickEventReader reader = new ClickEventReader(4096);
		StreamsBuilder builder = new StreamsBuilder();
		if (args[6].equals("total")) {
			builder.stream(args[1], Consumed.with(Serdes.String(), Serdes.ByteArray()))
				.groupBy((userId, value) -> reader.eventName(value), Grouped.with(Serdes.String(), Serdes.ByteArray()))
				.count()
				.toStream()
				.to(args[2], Produced.with(Serdes.String(), Serdes.Long()));
		}
		else {
			String[] window = args[6].split(",");
			TimestampExtractor eventDate = (record, partitionTime) -> reader
				.timedEventName((byte[]) record.value()).epochSecond() * 1000;
			builder.stream(args[1], Consumed.with(Serdes.String(), Serdes.ByteArray()).withTimestampExtractor(eventDate))
				.groupBy((userId, value) -> reader.eventName(value), Grouped.with(Serdes.String(), Serdes.ByteArray()))
				.windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofSeconds(Long.parseLong(window[0])),
						Duration.ofSeconds(Long.parseLong(window[1]))))
				.count()
				.toStream()
				.map((windowed, count) -> KeyValue.pair(windowed.key() + "@" + windowed.window().startTime(), count))
				.to(args[2], Produced.with(Serdes.String(), Serdes.Long()));
		}

		Properties properties = new Properties();
		properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
		properties.put(StreamsConfig.APPLICATION_ID_CONFIG, args[3]);
		properties.put(StreamsConfig.STATE_DIR_CONFIG, args[4]);
		properties.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Integer.parseInt(args[5]));
		// the listener's guarantee: counts, offsets and output commit together
		properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
		properties.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
		// one local broker
		properties.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);

		KafkaStreams streams = new KafkaStreams(builder.build(), properties);
		CountDownLatch stopped = new CountDownLatch(1);
		streams.setStateListener((newState, oldState) -> {
			System.out.println("STATE " + System.currentTimeMillis() + " " + oldState + " -> " + newState);
			if (newState == KafkaStreams.State.NOT_RUNNING || newState == KafkaStreams.State.ERROR) {
				stopped.countDown();
			}
		});
		Runtime.getRuntime().addShutdownHook(new Thread(streams::close, "streams-close"));
		streams.start();
		stopped.await();
	}

}
