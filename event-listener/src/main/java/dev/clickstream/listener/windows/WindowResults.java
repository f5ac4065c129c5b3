package dev.clickstream.listener.windows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import dev.clickstream.kafka.ClickstreamTopics;
import dev.clickstream.kafka.ReadCommittedConsumers;
import dev.clickstream.listener.kafka.TopicFollower;
import dev.clickstream.model.MetricNames;
import dev.clickstream.model.SeedTime;
import dev.clickstream.model.WindowResult;


/**
 * Follows the window results topic as any reader would, from its start (it is compacted: the retained windows, each
 * its newest record), and holds the newest result of every window. Every instance follows it, whichever publishes.
 */
public class WindowResults extends TopicFollower {

	private static final Logger logger = LoggerFactory.getLogger(WindowResults.class);

	private final JsonMapper json;

	private final ConcurrentSkipListMap<Instant, WindowResult> windows = new ConcurrentSkipListMap<>();

	private volatile @Nullable WindowResult newestFinal;

	private final AtomicLong version = new AtomicLong();

	WindowResults(ReadCommittedConsumers consumers, JsonMapper json, ClickstreamTopics topics,
			MeterRegistry registry) {
		super(consumers, "window-results", new TopicPartition(topics.windowResults().name(), 0));
		this.json = json;
		conversionGauge(registry, "view-to-basket", Conversion::viewToBasket);
		conversionGauge(registry, "basket-to-purchase", Conversion::basketToPurchase);
		conversionGauge(registry, "basket-removal", Conversion::basketRemoval);
	}

	/** The windows that start from {@code from} (inclusive) to {@code to} (exclusive), oldest first. */
	public List<WindowResult> between(Instant from, Instant to) {
		return new ArrayList<>(this.windows.subMap(from, true, to, false).values());
	}

	/** The {@code count} newest windows, oldest first. */
	public List<WindowResult> newest(int count) {
		List<WindowResult> newest = new ArrayList<>();
		for (WindowResult window : this.windows.descendingMap().values()) {
			if (newest.size() == count) {
				break;
			}
			newest.add(0, window);
		}
		return newest;
	}

	public Optional<WindowResult> window(Instant start) {
		return Optional.ofNullable(this.windows.get(start));
	}

	/** Goes up with every window added, changed or removed: figures worked out of the windows hold while it holds. */
	public long version() {
		return this.version.get();
	}

	@Override
	protected void catchUp(Consumer<String, byte[]> consumer) {
		this.windows.clear();
		this.version.incrementAndGet();
		List<TopicPartition> partitions = List.of(partition());
		consumer.assign(partitions);
		consumer.seekToBeginning(partitions);
		long end = consumer.endOffsets(partitions, Duration.ofSeconds(30)).get(partition());
		while (consumer.position(partition()) < end) {
			consumer.poll(Duration.ofMillis(500)).forEach(this::accept);
		}
	}

	@Override
	protected void accept(ConsumerRecord<String, byte[]> record) {
		if (record.key() == null) {
			return;
		}
		if (record.value() == null) {
			try {
				this.windows.remove(SeedTime.parse(record.key()));
				this.version.incrementAndGet();
			}
			catch (RuntimeException notAWindowKey) {
				// nothing held under it
			}
			return;
		}
		try {
			WindowResult result = WindowResult.fromJson(this.json, record.value());
			this.windows.put(result.windowStart(), result);
			this.version.incrementAndGet();
			WindowResult newest = this.newestFinal;
			if (result.isFinal() && (newest == null || result.windowStart().isAfter(newest.windowStart()))) {
				this.newestFinal = result;
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Ignored a record on {} at offset {} that is not a window result: {}", partition(),
					record.offset(), ex.getMessage());
		}
	}

	private void conversionGauge(MeterRegistry registry, String step, Function<Conversion, @Nullable Double> ratio) {
		Gauge.builder(MetricNames.WINDOW_CONVERSION, this, results -> {
			WindowResult newest = results.newestFinal;
			Double value = (newest != null) ? ratio.apply(Conversion.of(newest)) : null;
			return (value != null) ? value : Double.NaN;
		}).description("The newest final window's conversion").tag(MetricNames.STEP, step).register(registry);
	}

}
