package dev.clickstream.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time a process has used so far, user plus system, from {@code /proc/<pid>/stat}: on two cores the contenders
 * and the broker compete for the same CPU, so what each burns explains a throughput better than wall time alone.
 */
final class CpuTime {

	// USER_HZ, which the kernel fixes at 100 on Linux whatever its internal tick rate
	private static final long TICKS_PER_SECOND = 100;

	private CpuTime() {
	}

	/** @return the milliseconds of CPU used so far, or -1 if the process is gone */
	static long millis(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			// the command name, in parentheses, may hold spaces: count fields from after it
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
			return ticks * 1000 / TICKS_PER_SECOND;
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	/**
	 * The CPU a process uses from the moment this reading is taken.
	 * @param pid the process
	 * @param atStart its CPU time then, in ms, or -1 if it was gone
	 */
	record Usage(long pid, long atStart) {

		/** A reading not taken yet: it measures nothing. */
		static final Usage NOT_TAKEN = new Usage(-1, -1);

		static Usage from(long pid) {
			return new Usage(pid, CpuTime.millis(pid));
		}

		/** @return the ms of CPU used since the reading, or -1 if the process is gone or was at the start */
		long millis() {
			long now = CpuTime.millis(this.pid);
			return (this.atStart < 0 || now < 0) ? -1 : now - this.atStart;
		}

	}

}
