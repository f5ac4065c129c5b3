package dev.clickstream.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Samples the resident memory of the processes it watches, every 250 ms, and keeps each sample with its time. */
final class RssSampler implements AutoCloseable {

	/** VmRSS in KB at a time, epoch ms. */
	record Sample(long atMillis, long rssKb) {
	}

	private final Map<JvmProcess, List<Sample>> watched = new ConcurrentHashMap<>();

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "rss-sampler");
		thread.setDaemon(true);
		return thread;
	});

	RssSampler() {
		this.scheduler.scheduleAtFixedRate(this::sample, 250, 250, TimeUnit.MILLISECONDS);
	}

	void watch(JvmProcess process) {
		this.watched.put(process, new ArrayList<>());
	}

	/** Stops watching and returns the samples taken. */
	List<Sample> unwatch(JvmProcess process) {
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
			long rss = process.sampleRssKb();
			if (rss > 0) {
				synchronized (samples) {
					samples.add(new Sample(now, rss));
				}
			}
		});
	}

	@Override
	public void close() {
		this.scheduler.shutdownNow();
	}

}
