package dev.clickstream.dashboard;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** The dashboard's background threads: each one named, and none of them keeping the JVM from exiting. */
public final class DashboardThreads {

	private DashboardThreads() {
	}

	/** A scheduler on one daemon thread of this name. */
	public static ScheduledExecutorService scheduler(String name) {
		return Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, name);
			thread.setDaemon(true);
			return thread;
		});
	}

}
