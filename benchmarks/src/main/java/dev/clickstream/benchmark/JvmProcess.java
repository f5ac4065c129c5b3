package dev.clickstream.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import dev.clickstream.systemtest.harness.JavaCommand;

/**
 * One contender's JVM, with JVM options of the run's choosing (unlike the system tests' ServiceProcess, which always
 * takes the shipped ones: a profile needs {@code -XX:StartFlightRecording}), its output in one log file, and its resident memory read from {@code /proc}.
 * A shutdown hook kills whatever is still running when the harness exits.
 */
final class JvmProcess implements AutoCloseable {

	private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly),
				"benchmark-process-reaper"));
	}

	private final String name;

	private final List<String> command;

	private final Path logFile;

	private @Nullable Process process;

	private long startedAtMillis;

	private long peakRssKb;

	private JvmProcess(String name, List<String> command, Path logFile) {
		this.name = name;
		this.command = List.copyOf(command);
		this.logFile = logFile;
	}

	/** {@code java <jvmOptions> -jar <jar> <args>}. */
	static JvmProcess jar(String name, Path jar, List<String> jvmOptions, List<String> args, Path dir) {
		return new JvmProcess(name, JavaCommand.jar(jar, jvmOptions, args), dir.resolve(name + ".log"));
	}

	/** {@code java <jvmOptions> -cp <the harness's classpath> <mainClass> <args>}. */
	static JvmProcess main(String name, String mainClass, List<String> jvmOptions, List<String> args, Path dir) {
		List<String> command = new ArrayList<>();
		command.add(JavaCommand.java());
		command.addAll(jvmOptions);
		// slf4j-simple: warnings and errors only, as the listener logs the Kafka clients
		command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(mainClass);
		command.addAll(args);
		return new JvmProcess(name, command, dir.resolve(name + ".log"));
	}

	JvmProcess start() {
		try {
			Files.createDirectories(this.logFile.getParent());
			Files.writeString(this.logFile, "=== " + String.join(" ", this.command) + System.lineSeparator(),
					StandardCharsets.UTF_8);
			this.startedAtMillis = System.currentTimeMillis();
			Process started = new ProcessBuilder(this.command).redirectErrorStream(true)
				.redirectOutput(Redirect.appendTo(this.logFile.toFile()))
				.start();
			RUNNING.add(started);
			this.process = started;
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start " + this.name, ex);
		}
	}

	String name() {
		return this.name;
	}

	long startedAtMillis() {
		return this.startedAtMillis;
	}

	long pid() {
		return running().pid();
	}

	boolean isAlive() {
		return this.process != null && this.process.isAlive();
	}

	/** Fails with the end of the log if the process has exited. */
	void requireAlive() {
		if (!isAlive()) {
			throw new IllegalStateException(this.name + " exited; last lines of " + this.logFile + ":"
					+ System.lineSeparator() + logTail(30));
		}
	}

	/** Resident memory now, in KB (VmRSS), and the peak seen by earlier calls; 0 once the process is gone. */
	synchronized long sampleRssKb() {
		long rss = rssKb(this.process);
		this.peakRssKb = Math.max(this.peakRssKb, rss);
		return rss;
	}

	synchronized long peakRssKb() {
		return this.peakRssKb;
	}

	private static long rssKb(@Nullable Process process) {
		if (process == null || !process.isAlive()) {
			return 0;
		}
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
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

	Path logFile() {
		return this.logFile;
	}

	List<String> logLines() {
		try {
			return Files.readAllLines(this.logFile, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return List.of();
		}
	}

	/** The first log line that starts with the prefix, if any. */
	Optional<String> logLine(String prefix) {
		return logLines().stream().filter(line -> line.startsWith(prefix)).findFirst();
	}

	String logTail(int lines) {
		List<String> all = logLines();
		return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
	}

	/** Waits for the process to exit on its own. */
	boolean waitForExit(Duration timeout) {
		try {
			return running().waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	int exitValue() {
		return running().exitValue();
	}

	/** SIGTERM, then SIGKILL after the grace period. */
	void stop(Duration grace) {
		Process current = this.process;
		if (current == null) {
			return;
		}
		if (current.isAlive()) {
			current.destroy();
			if (!waitForExit(grace)) {
				current.destroyForcibly();
				waitForExit(Duration.ofSeconds(30));
			}
		}
		RUNNING.remove(current);
	}

	@Override
	public void close() {
		stop(Duration.ofSeconds(30));
	}

	private Process running() {
		Process current = this.process;
		if (current == null) {
			throw new IllegalStateException(this.name + " was never started");
		}
		return current;
	}

}
