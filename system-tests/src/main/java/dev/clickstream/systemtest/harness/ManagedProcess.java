package dev.clickstream.systemtest.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One command that can be started, stopped, killed and started again, its output appended to one log file. Every
 * running process is also known to a shutdown hook that kills it, so a failed or aborted test leaves none behind.
 */
final class ManagedProcess {

	private static final Logger log = LoggerFactory.getLogger(ManagedProcess.class);

	private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(process -> {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
		}), "system-test-process-reaper"));
	}

	private final String name;

	private final List<String> command;

	private final Path workDir;

	private final Path logFile;

	private @Nullable Process process;

	ManagedProcess(String name, List<String> command, Path workDir, Path logFile) {
		this.name = name;
		this.command = List.copyOf(command);
		this.workDir = workDir;
		this.logFile = logFile;
	}

	synchronized void start() {
		if (isAlive()) {
			throw new IllegalStateException(name + " is running already (pid " + pid() + ")");
		}
		try {
			Files.createDirectories(workDir);
			Files.createDirectories(logFile.getParent());
			Files.writeString(logFile, "=== " + Instant.now() + " starting " + name + ": " + String.join(" ", command)
					+ System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
			Process started = new ProcessBuilder(command).directory(workDir.toFile())
				.redirectErrorStream(true)
				.redirectOutput(Redirect.appendTo(logFile.toFile()))
				.start();
			RUNNING.add(started);
			process = started;
			log.info("started {} (pid {}), log {}", name, started.pid(), logFile);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start " + name + ": " + command, ex);
		}
	}

	/** SIGTERM, then waits for the exit; SIGKILL if it has not exited within the grace period. */
	synchronized void stop(Duration grace) {
		Process running = process;
		if (running == null || !running.isAlive()) {
			return;
		}
		running.destroy();
		if (!waitFor(running, grace)) {
			log.warn("{} (pid {}) did not exit within {} of SIGTERM; killing it", name, running.pid(), grace);
			running.destroyForcibly();
			waitFor(running, Duration.ofSeconds(30));
		}
		RUNNING.remove(running);
		log.info("stopped {} (pid {}, exit {})", name, running.pid(), running.exitValue());
	}

	/** SIGKILL: no shutdown hooks, no flush, no goodbye to the broker. */
	synchronized void kill() {
		Process running = process;
		if (running == null || !running.isAlive()) {
			return;
		}
		running.destroyForcibly();
		waitFor(running, Duration.ofSeconds(30));
		RUNNING.remove(running);
		log.info("killed {} (pid {})", name, running.pid());
	}

	synchronized boolean isAlive() {
		return process != null && process.isAlive();
	}

	synchronized long pid() {
		if (process == null) {
			throw new IllegalStateException(name + " was never started");
		}
		return process.pid();
	}

	String name() {
		return name;
	}

	Path logFile() {
		return logFile;
	}

	/** The last lines of the log, for a failure message. */
	String logTail(int lines) {
		try {
			List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
			return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException | UncheckedIOException ex) {
			return "(cannot read " + logFile + ": " + ex.getMessage() + ")";
		}
	}

	/** Why a start failed: the state of the process and the end of its log. */
	String diagnosis() {
		Process current = process;
		String state = (current == null) ? "never started"
				: current.isAlive() ? "running as pid " + current.pid() : "exited with " + current.exitValue();
		return name + " " + state + "; last lines of " + logFile + ":" + System.lineSeparator() + logTail(40);
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
