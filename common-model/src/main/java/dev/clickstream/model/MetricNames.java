package dev.clickstream.model;

/**
 * The names of the services' own meters, for the code that records them and the code that reads them back (the
 * dashboard, the tests, the benchmarks). Micrometer's dotted form; Prometheus shows them with underscores.
 */
public final class MetricNames {

	/** Click events the broker acknowledged, tagged {@link #EVENT_NAME}. Producer. */
	public static final String EVENTS_PRODUCED = "clickstream.events.produced";

	/** Click events Kafka did not acknowledge, tagged {@link #EVENT_NAME} and {@link #EXCEPTION}. Producer. */
	public static final String EVENTS_FAILED = "clickstream.events.failed";

	/** Events never generated because too many were in flight or the producer refused them. Producer. */
	public static final String EVENTS_SKIPPED = "clickstream.events.skipped";

	/** Generator ticks that sent fewer events than due: too many in flight, or the producer refused them. Producer. */
	public static final String TICKS_SKIPPED = "clickstream.generator.ticks.skipped";

	/** Events sent and not yet acknowledged or failed. Producer. */
	public static final String EVENTS_IN_FLIGHT = "clickstream.events.in-flight";

	/** Click events counted, once their transaction committed, tagged {@link #EVENT_NAME}. Listener. */
	public static final String EVENTS_COUNTED = "clickstream.events.counted";

	/** Records sent to the dead-letter topic, once their transaction committed, tagged {@link #REASON}. Listener. */
	public static final String EVENTS_DEAD_LETTERED = "clickstream.events.dead-lettered";

	/**
	 * Events that came after their event-time window had closed, once their transaction committed: how many seconds
	 * after the window's end, by their partition's watermark. Counted in the totals, not in the window. Listener.
	 */
	public static final String EVENTS_LATE = "clickstream.events.late";

	/** Window results committed to the results topic, tagged {@code final} true or false. Listener. */
	public static final String WINDOWS_PUBLISHED = "clickstream.windows.published";

	/**
	 * Events a partition brought into a window after the window's final result, which the idle timeout had let go
	 * ahead without it. Listener.
	 */
	public static final String WINDOWS_AFTER_FINAL = "clickstream.windows.after-final";

	/**
	 * The newest final window's conversion, tagged {@link #STEP}: views to basket adds, basket adds to purchases,
	 * basket removals per add. Listener.
	 */
	public static final String WINDOW_CONVERSION = "clickstream.window.conversion";

	/**
	 * The bytes of the unique-user and top-product sketches of the event-time windows open on this instance's
	 * partitions, as last committed: what each counting transaction writes for them. Listener.
	 */
	public static final String WINDOWS_SKETCH_BYTES = "clickstream.windows.sketch.bytes";

	/** Partitions' sketches merged into a window result or the all-time figures. Listener. */
	public static final String SKETCHES_MERGED = "clickstream.sketches.merged";

	/** Snapshots committed to the snapshot topic. Listener. */
	public static final String SNAPSHOTS_PUBLISHED = "clickstream.snapshots.published";

	/** The newest committed totals, tagged {@link #EVENT_NAME}. Listener. */
	public static final String SNAPSHOT_COUNT = "clickstream.snapshot.count";

	/** From the oldest event of a counted batch to the commit of the first snapshot that includes it. Listener. */
	public static final String EVENTS_LATENCY = "clickstream.events.latency";

	/** Batches failed on purpose by {@code clickstream.faults.fail-every-nth-batch}. Listener. */
	public static final String FAULTS_INJECTED = "clickstream.faults.injected";

	/** Kafka's consumer lag per partition, as Spring Boot binds it ({@code topic} and {@code partition} tags). */
	public static final String CONSUMER_RECORDS_LAG = "kafka.consumer.fetch.manager.records.lag";

	public static final String EVENT_NAME = "eventName";

	public static final String STEP = "step";

	public static final String REASON = "reason";

	public static final String EXCEPTION = "exception";

	private MetricNames() {
	}

}
