package dev.clickstream.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.clickstream.systemtest.harness.ManagedProcess;

/**
 * Samples the resident memory (VmRSS from {@code /proc/<pid>/status}) of the processes it watches, every 250 ms, and
 * keeps each sample with its time.
 */
final class RssSampler implements AutoCloseable {

	/** VmRSS in KB at a time, epoch ms. */
	record Sample(long atMillis, long rssKb) {
	}

	private final Map<ManagedProcess, List<Sample>> watched = new ConcurrentHashMap<>();

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "rss-sampler");
		thread.setDaemon(true);
		return thread;
	});

	RssSampler() {
		this.scheduler.scheduleAtFixedRate(this::sample, 250, 250, TimeUnit.MILLISECONDS);
	}

	/** Samples the process whenever it runs, from now until {@link #unwatch}. */
	void watch(ManagedProcess process) {
		this.watched.put(process, new ArrayList<>());
	}

	/** The highest VmRSS sampled so far, in KB; 0 if none was. */
	long peakKb(ManagedProcess process) {
		List<Sample> samples = this.watched.getOrDefault(process, List.of());
		synchronized (samples) {
			return samples.stream().mapToLong(Sample::rssKb).max().orElse(0);
		}
	}

	/** Stops watching and returns the samples taken. */
	List<Sample> unwatch(ManagedProcess process) {
		List<Sample> samples = this.watched.remove(process);
		if (samples == null) {
			return List.of();
		}
		synchronized (samples) {
			return List.copyOf(samples);
		}
	}

	private void sample() {
		long now = System.currentTimeMillis();
		this.watched.forEach((process, samples) -> {
			long rss = process.isAlive() ? rssKb(process.pid()) : 0;
			if (rss > 0) {
				synchronized (samples) {
					samples.add(new Sample(now, rss));
				}
			}
		});
	}

	/** @return VmRSS in KB, or 0 if the process is gone */
	private static long rssKb(long pid) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", ""));
				}
			}
		}
		catch (IOException | UncheckedIOException ex) {
			// the process ended between the check and the read
		}
		return 0;
	}

	@Override
	public void close() {
		this.scheduler.shutdownNow();
	}

}
