package dev.clickstream.benchmark;

/**
 * One repetition of one contender.
 *
 * @param contender what ran
 * @param round {@code warmup} or the repetition's number
 * @param eventsPerSecond the throughput, as defined for the contender
 * @param fromEpochMillis when the measured interval began
 * @param millis the measured interval the throughput is taken over
 * @param startupMillis from launching the JVM to the start of the measured interval
 * @param peakRssKb the highest VmRSS sampled while it ran
 * @param load the 1-minute load average just before it started
 * @param detail anything more worth keeping, e.g. records per transaction
 * @param cpuMillis CPU time the contender used in the measured interval, -1 if not measured
 * @param brokerCpuMillis CPU time the broker used in the measured interval, -1 if not measured
 */
record Measurement(String contender, String round, double eventsPerSecond, long fromEpochMillis, long millis, long startupMillis,
		long peakRssKb, double load, String detail, long cpuMillis, long brokerCpuMillis) {

	/** Events per second from launching the JVM, startup included. */
	double eventsPerSecondFromLaunch(long events) {
		return events * 1000.0 / (this.millis + this.startupMillis);
	}

}
