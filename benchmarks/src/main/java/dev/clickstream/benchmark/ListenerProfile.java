package dev.clickstream.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the listener once more under Java Flight Recorder and summarises the recording over the counting interval only
 * (from its group owning every partition to the snapshot of N), leaving Spring's startup out: where the CPU goes,
 * what allocates, and where the counting threads wait.
 */
final class ListenerProfile {

	private static final Logger log = LoggerFactory.getLogger(ListenerProfile.class);

	/** Frames of the code that matters here, for the inclusive view. */
	private static final Predicate<String> INTERESTING = method -> method.startsWith("dev.clickstream")
			|| method.startsWith("org.apache.kafka.clients.producer.KafkaProducer.")
			|| method.startsWith("org.apache.kafka.clients.consumer.KafkaConsumer.")
			|| method.startsWith("org.apache.kafka.common.record.")
			|| method.startsWith("org.apache.kafka.common.compress.")
			|| method.startsWith("org.springframework.kafka.listener.KafkaMessageListenerContainer$ListenerConsumer.")
			|| method.startsWith("tools.jackson.core.") || method.startsWith("org.springframework.transaction.");

	/**
	 * @param measurement the run under the recorder (its throughput is lowered a little by the recording)
	 * @param recording the .jfr file
	 * @param samples execution samples in the interval
	 * @param byThread share of execution samples per thread kind
	 * @param selfTop the methods most often on top of the stack, with their share of samples
	 * @param inclusiveTop interesting methods anywhere on the stack, with their share of samples
	 * @param allocationTop allocated bytes by class, with their share
	 * @param allocationSites allocated bytes by the innermost dev.clickstream or Kafka frame, with their share
	 * @param waits time the counting threads spent parked or in socket reads, by the Kafka client call waited in
	 * @param gc garbage collections in the interval and their summed pause
	 */
	record Result(Measurement measurement, Path recording, long samples, Map<String, Double> byThread,
			Map<String, Double> selfTop, Map<String, Double> inclusiveTop, Map<String, Double> allocationTop,
			Map<String, Double> allocationSites, Map<String, Long> waits, String gc) {
	}

	private final Bench bench;

	ListenerProfile(Bench bench) {
		this.bench = bench;
	}

	Result run(long events) {
		Settings settings = this.bench.settings();
		String round = "profile";
		String input = round + "-events";
		this.bench.createTopic(input, Bench.PARTITIONS);
		Prefill.write(this.bench.bootstrapServers(), input, events);
		Path recording = this.bench.dir().resolve("listener.jfr").toAbsolutePath();
		List<String> jvmOptions = new ArrayList<>(settings.contenderJvmOptions());
		// The profile settings sample Java code every 10 ms; waits of 1 ms and more are kept, not only those of 10 ms.
		jvmOptions.add("-XX:StartFlightRecording=filename=" + recording + ",settings=profile,dumponexit=true,"
				+ "jdk.ThreadPark#threshold=1ms,jdk.SocketRead#threshold=1ms");
		Measurement measurement = new ThroughputRuns(this.bench).listener(round, "listener",
				ThroughputRuns.LISTENER + " under JFR", input, events, settings.listenerArgs(), jvmOptions,
				settings.snapshotInterval(), 0);
		this.bench.deleteTopicsStartingWith(round + "-");
		Instant from = Instant.ofEpochMilli(measurement.fromEpochMillis());
		return summarise(measurement, recording, from, from.plusMillis(measurement.millis()));
	}

	static Result summarise(Measurement measurement, Path recording, Instant from, Instant to) {
		Map<String, Long> threads = new HashMap<>();
		Map<String, Long> self = new HashMap<>();
		Map<String, Long> inclusive = new HashMap<>();
		Map<String, Long> allocations = new HashMap<>();
		Map<String, Long> allocationSites = new HashMap<>();
		Map<String, Long> waits = new HashMap<>();
		long samples = 0;
		long allocated = 0;
		long collections = 0;
		Duration pauses = Duration.ZERO;
		try (RecordingFile file = new RecordingFile(recording)) {
			while (file.hasMoreEvents()) {
				RecordedEvent event = file.readEvent();
				if (event.getStartTime().isBefore(from) || event.getStartTime().isAfter(to)) {
					continue;
				}
				String type = event.getEventType().getName();
				switch (type) {
					case "jdk.ExecutionSample" -> {
						samples++;
						RecordedThread thread = event.getThread("sampledThread");
						threads.merge(threadKind(thread), 1L, Long::sum);
						List<RecordedFrame> frames = frames(event.getStackTrace());
						if (!frames.isEmpty()) {
							self.merge(method(frames.get(0)), 1L, Long::sum);
						}
						Set<String> seen = new HashSet<>();
						for (RecordedFrame frame : frames) {
							String method = method(frame);
							if (INTERESTING.test(method) && seen.add(method)) {
								inclusive.merge(method, 1L, Long::sum);
							}
						}
					}
					case "jdk.ObjectAllocationSample" -> {
						long weight = event.getLong("weight");
						allocated += weight;
						allocations.merge(event.getClass("objectClass").getName(), weight, Long::sum);
						allocationSites.merge(site(frames(event.getStackTrace())), weight, Long::sum);
					}
					case "jdk.ThreadPark", "jdk.SocketRead" -> {
						RecordedThread thread = event.getThread("eventThread");
						if (thread != null && threadKind(thread).equals("counting (click-event-counter)")) {
							waits.merge(waitedIn(frames(event.getStackTrace())), event.getDuration().toMillis(),
									Long::sum);
						}
					}
					case "jdk.GarbageCollection" -> {
						collections++;
						pauses = pauses.plus(event.getDuration("sumOfPauses"));
					}
					default -> {
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + recording, ex);
		}
		Result result = new Result(measurement, recording, samples, shares(threads, samples, 8),
				shares(self, samples, 20), shares(inclusive, samples, 25), shares(allocations, allocated, 12),
				shares(allocationSites, allocated, 12), top(waits, 12),
				collections + " collections, " + pauses.toMillis() + " ms of pauses");
		log.info("profile: {} samples; threads {}; top self {}; waits {}; GC {}", samples, result.byThread(),
				result.selfTop(), result.waits(), result.gc());
		return result;
	}

	private static List<RecordedFrame> frames(RecordedStackTrace stackTrace) {
		return (stackTrace == null) ? List.of() : stackTrace.getFrames();
	}

	private static String method(RecordedFrame frame) {
		return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
	}

	private static String threadKind(RecordedThread thread) {
		String name = (thread == null || thread.getJavaName() == null) ? "?" : thread.getJavaName();
		if (name.startsWith("click-event-counter")) {
			return "counting (click-event-counter)";
		}
		if (name.startsWith("snapshot-publisher")) {
			return "snapshot publisher";
		}
		if (name.startsWith("kafka-producer-network-thread")) {
			return "producer network threads";
		}
		if (name.contains("GC") || name.startsWith("G1")) {
			return "GC";
		}
		if (name.startsWith("C1") || name.startsWith("C2")) {
			return "JIT";
		}
		return name.replaceAll("[0-9]+", "#");
	}

	/** The innermost frame of this project, or else of a Kafka or Jackson class: who allocated. */
	private static String site(List<RecordedFrame> frames) {
		for (RecordedFrame frame : frames) {
			String method = method(frame);
			if (method.startsWith("dev.clickstream")) {
				return method;
			}
		}
		for (RecordedFrame frame : frames) {
			String method = method(frame);
			if (method.startsWith("org.apache.kafka") || method.startsWith("tools.jackson")
					|| method.startsWith("org.springframework")) {
				return method;
			}
		}
		return frames.isEmpty() ? "?" : method(frames.get(0));
	}

	/** The outermost Kafka client or Spring call on the stack of a wait: what the thread waited for. */
	private static String waitedIn(List<RecordedFrame> frames) {
		String found = null;
		for (RecordedFrame frame : frames) {
			String method = method(frame);
			if (method.startsWith("org.apache.kafka.clients.producer.KafkaProducer.")
					|| method.startsWith("org.apache.kafka.clients.consumer.KafkaConsumer.")
					|| method.startsWith("org.springframework.kafka.core.DefaultKafkaProducerFactory$CloseSafeProducer.")) {
				found = method;
			}
		}
		return (found != null) ? found : (frames.isEmpty() ? "?" : site(frames));
	}

	private static Map<String, Double> shares(Map<String, Long> counts, long total, int limit) {
		Map<String, Double> shares = new LinkedHashMap<>();
		top(counts, limit).forEach((key, count) -> shares.put(key, 100.0 * count / Math.max(1, total)));
		return shares;
	}

	private static Map<String, Long> top(Map<String, Long> counts, int limit) {
		Map<String, Long> top = new LinkedHashMap<>();
		counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.limit(limit)
			.forEach(entry -> top.put(entry.getKey(), entry.getValue()));
		return top;
	}

}
