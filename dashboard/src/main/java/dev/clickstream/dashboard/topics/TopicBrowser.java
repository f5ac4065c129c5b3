package dev.clickstream.dashboard.topics;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.apache.kafka.common.errors.InterruptException;

import dev.clickstream.dashboard.topics.BrowsableTopics.BrowsableTopic;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * The browser's reads, bounded: each topic's newest records and the topics' partitions are read once per
 * {@code clickstream.dashboard.browser.cache} and shared by every request in that time, and at most
 * {@code max-concurrent-reads} reads of Kafka run at once. Each read takes the newest {@code max-records} records,
 * whatever the limit asked for, so that one read answers every limit.
 */
final class TopicBrowser {

	/**
	 * @param name the topic
	 * @param role its role, as in {@link BrowsableTopic}
	 * @param partitions how many partitions it has; 0 if it does not exist (yet)
	 */
	record TopicView(String name, String role, int partitions) {
	}

	/**
	 * @param topic the topic
	 * @param role its role
	 * @param readAt when these records were read from Kafka: up to {@code clickstream.dashboard.browser.cache} before
	 * the request
	 * @param records the newest records over all partitions, newest first
	 */
	record RecordsView(String topic, String role, Instant readAt, List<TopicRecord> records) {
	}

	private record Newest(Instant readAt, List<TopicRecord> records) {
	}

	private final BrowsableTopics topics;

	private final AdminReads admin;

	private final TopicReader reader;

	private final int maxRecords;

	private final Duration timeout;

	private final Semaphore reads;

	private final SharedAnswers<String, Newest> newest;

	private final SharedAnswers<String, List<TopicView>> topicViews;

	TopicBrowser(BrowsableTopics topics, AdminReads admin, TopicReader reader, int maxRecords, Duration cache,
			Duration timeout, int maxConcurrentReads) {
		this.topics = topics;
		this.admin = admin;
		this.reader = reader;
		this.maxRecords = maxRecords;
		this.timeout = timeout;
		this.reads = new Semaphore(maxConcurrentReads);
		this.newest = new SharedAnswers<>(cache, System::nanoTime);
		this.topicViews = new SharedAnswers<>(cache, System::nanoTime);
	}

	Optional<BrowsableTopic> find(String name) {
		return this.topics.find(name);
	}

	/** Every browsable topic with its partitions. */
	List<TopicView> topics() {
		// One answer for all of them: the key is only there because the cache is keyed.
		return this.topicViews.get("", () -> bounded(() -> {
			Map<String, Integer> counts = this.admin
				.partitions(this.topics.all().stream().map(BrowsableTopic::name).toList(), this.timeout);
			return this.topics.all()
				.stream()
				.map(topic -> new TopicView(topic.name(), topic.role(), counts.getOrDefault(topic.name(), 0)))
				.toList();
		}));
	}

	/** The topic's newest {@code limit} records, at most {@code max-records}. */
	RecordsView newest(BrowsableTopic topic, int limit) {
		int partitions = partitionsOf(topic);
		Newest read = this.newest.get(topic.name(), () -> bounded(() -> {
			List<TopicRecord> records = (partitions > 0)
					? this.reader.newest(topic.name(), partitions, this.maxRecords) : List.of();
			return new Newest(Instant.now().truncatedTo(ChronoUnit.MILLIS), records);
		}));
		return new RecordsView(topic.name(), topic.role(), read.readAt(),
				read.records().subList(0, Math.min(limit, read.records().size())));
	}

	/** The record at this offset, whole, if a read_committed reader sees one there. */
	Optional<TopicRecord> record(BrowsableTopic topic, int partition, long offset) {
		if (partition >= partitionsOf(topic)) {
			return Optional.empty();
		}
		return bounded(() -> this.reader.record(topic.name(), partition, offset));
	}

	private int partitionsOf(BrowsableTopic topic) {
		return topics().stream()
			.filter(view -> view.name().equals(topic.name()))
			.mapToInt(TopicView::partitions)
			.findFirst()
			.orElse(0);
	}

	private <T> T bounded(Supplier<T> read) {
		try {
			if (!this.reads.tryAcquire(this.timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				ErrorResponseException busy = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE);
				busy.setDetail("The topic browser already reads Kafka as often as it may at once "
						+ "(clickstream.dashboard.browser.max-concurrent-reads); try again in a moment.");
				throw busy;
			}
		}
		catch (InterruptedException ex) {
			throw new InterruptException(ex);
		}
		try {
			return read.get();
		}
		finally {
			this.reads.release();
		}
	}

}
