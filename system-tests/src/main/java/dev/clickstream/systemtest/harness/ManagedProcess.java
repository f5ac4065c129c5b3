package dev.clickstream.systemtest.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.awaitility.Awaitility.await;

/**
 * One command that can be started, stopped, killed and started again, its output appended to one log file. Every
 * running process is also known to a shutdown hook that kills it and its descendants, so a failed or aborted test or
 * benchmark leaves none behind.
 */
public final class ManagedProcess {

	private static final Logger log = LoggerFactory.getLogger(ManagedProcess.class);

	private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(process -> {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
		}), "managed-process-reaper"));
	}

	private final String name;

	private final List<String> command;

	private final Path workDir;

	private final Path logFile;

	private final Map<String, String> environment;

	// Read without the lock, so that watching a process (isAlive, pid) never waits for a stop in progress.
	private volatile @Nullable Process process;

	private volatile long startedAtMillis;

	// Where the latest start's output begins in the log file, which keeps the output of every start.
	private volatile long outputOffset;

	/**
	 * @param name names the process in the log file and the messages
	 * @param command the command line, e.g. from {@link JavaCommand}
	 * @param workDir its working directory, created if need be
	 * @param logFile where its standard output and error are appended
	 */
	public ManagedProcess(String name, List<String> command, Path workDir, Path logFile) {
		this(name, command, workDir, logFile, Map.of());
	}

	/**
	 * @param environment variables set for the process on top of this JVM's; never written to the log, as they may
	 * hold passwords
	 */
	public ManagedProcess(String name, List<String> command, Path workDir, Path logFile,
			Map<String, String> environment) {
		this.name = name;
		this.command = List.copyOf(command);
		this.workDir = workDir;
		this.logFile = logFile;
		this.environment = Map.copyOf(environment);
	}

	public Path logFile() {
		return logFile;
	}

	public synchronized void start() {
		if (isAlive()) {
			throw new IllegalStateException(name + " is running already (pid " + pid() + ")");
		}
		try {
			Files.createDirectories(workDir);
			Files.createDirectories(logFile.getParent());
			Files.writeString(logFile, "=== " + Instant.now() + " starting " + name + ": " + String.join(" ", command)
					+ System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
			outputOffset = Files.size(logFile);
			startedAtMillis = System.currentTimeMillis();
			ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
				.redirectErrorStream(true)
				.redirectOutput(Redirect.appendTo(logFile.toFile()));
			builder.environment().putAll(environment);
			Process started = builder.start();
			RUNNING.add(started);
			process = started;
			log.info("started {} (pid {}), log {}", name, started.pid(), logFile);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start " + name + ": " + command, ex);
		}
	}

	/**
	 * Starts the process and returns once it is ready; fails at once if it exits first, and with the state of the
	 * process and the end of its log either way.
	 * @param readiness what being ready means, for the message
	 */
	void startUntil(String readiness, Duration timeout, Duration pollInterval, Callable<Boolean> ready) {
		start();
		try {
			await(name + ": " + readiness).atMost(timeout)
				.pollInterval(pollInterval)
				.failFast(name + " exited", () -> !isAlive())
				.until(ready);
		}
		catch (ConditionTimeoutException | TerminalFailureException ex) {
			throw new IllegalStateException(ex.getMessage() + System.lineSeparator() + diagnosis(), ex);
		}
	}

	/** SIGTERM, then waits for the exit; SIGKILL if it has not exited within the grace period. */
	public synchronized void stop(Duration grace) {
		Process running = process;
		if (running == null) {
			return;
		}
		if (running.isAlive()) {
			running.destroy();
			if (!waitFor(running, grace)) {
				log.warn("{} (pid {}) did not exit within {} of SIGTERM; killing it", name, running.pid(), grace);
				running.destroyForcibly();
				waitFor(running, Duration.ofSeconds(30));
			}
			log.info("stopped {} (pid {}, exit {})", name, running.pid(), running.exitValue());
		}
		RUNNING.remove(running);
	}

	/** SIGKILL: no shutdown hooks, no flush, no goodbye to the broker. */
	public synchronized void kill() {
		Process running = process;
		if (running == null) {
			return;
		}
		if (running.isAlive()) {
			running.destroyForcibly();
			waitFor(running, Duration.ofSeconds(30));
			log.info("killed {} (pid {})", name, running.pid());
		}
		RUNNING.remove(running);
	}

	/** Waits for the process to exit on its own. */
	public boolean waitForExit(Duration timeout) {
		return waitFor(started(), timeout);
	}

	/** @throws IllegalThreadStateException if it has not exited */
	public int exitValue() {
		return started().exitValue();
	}

	public boolean isAlive() {
		Process current = process;
		return current != null && current.isAlive();
	}

	/** Fails with the end of the log if the process is not running. */
	public void requireAlive() {
		if (!isAlive()) {
			throw new IllegalStateException(diagnosis());
		}
	}

	public long pid() {
		return started().pid();
	}

	/** When the latest {@link #start()} launched the process, in epoch ms. */
	public long startedAtMillis() {
		return startedAtMillis;
	}

	public String name() {
		return name;
	}

	/** What the process printed since its latest start, line by line. */
	public List<String> outputLines() {
		try (InputStream in = Files.newInputStream(logFile)) {
			in.skipNBytes(outputOffset);
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + logFile, ex);
		}
	}

	/** The first line the process printed since its latest start that starts with the prefix. */
	public Optional<String> firstOutputLine(String prefix) {
		return outputLines().stream().filter(line -> line.startsWith(prefix)).findFirst();
	}

	/** The last lines of the log, for a failure message. */
	public String logTail(int lines) {
		try {
			List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
			return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException | UncheckedIOException ex) {
			return "(cannot read " + logFile + ": " + ex.getMessage() + ")";
		}
	}

	/** The state of the process and the end of its log, for a failure message. */
	String diagnosis() {
		Process current = process;
		String state = (current == null) ? "never started"
				: current.isAlive() ? "running as pid " + current.pid() : "exited with " + current.exitValue();
		return name + " " + state + "; last lines of " + logFile + ":" + System.lineSeparator() + logTail(40);
	}

	private Process started() {
		Process current = process;
		if (current == null) {
			throw new IllegalStateException(name + " was never started");
		}
		return current;
	}

	private static boolean waitFor(Process process, Duration timeout) {
		try {
			return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
			return false;
		}
	}

}
