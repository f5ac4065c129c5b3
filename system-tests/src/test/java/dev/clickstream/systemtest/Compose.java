package dev.clickstream.systemtest;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The repository's docker-compose.yml, unmodified, under a fixed project name, driven through the Compose and Docker
 * command-line clients as a user drives it.
 */
final class Compose {

	static final String PROJECT = "clickstream-it";

	private final Path projectDir;

	private final List<String> compose;

	/**
	 * @param projectDir the folder of docker-compose.yml
	 * @param compose the Compose command, {@code docker-compose} (1.29) or {@code docker compose}
	 */
	Compose(Path projectDir, String compose) {
		this.projectDir = projectDir;
		this.compose = List.of(compose.trim().split("\\s+"));
	}

	/** {@code <compose> -p clickstream-it <args>}; fails with the output unless it exits with 0. */
	String compose(Duration timeout, String... args) {
		List<String> command = new ArrayList<>(this.compose);
		command.add("-p");
		command.add(PROJECT);
		command.addAll(List.of(args));
		return run(command, timeout);
	}

	/** {@code docker <args>}; fails with the output unless it exits with 0. */
	String docker(String... args) {
		List<String> command = new ArrayList<>();
		command.add("docker");
		command.addAll(List.of(args));
		return run(command, Duration.ofMinutes(1));
	}

	/** The container of a service, by Compose's labels. */
	String container(String service) {
		String id = docker("ps", "-aq", "--filter", "label=com.docker.compose.project=" + PROJECT, "--filter",
				"label=com.docker.compose.service=" + service).trim();
		if (id.isEmpty() || id.contains("\n")) {
			throw new IllegalStateException("expected one container of " + service + ", found [" + id + "]");
		}
		return id;
	}

	/** A field of {@code docker inspect}, e.g. {@code {{.State.Health.Status}}}. */
	String inspect(String service, String format) {
		return docker("inspect", "-f", format, container(service)).trim();
	}

	boolean healthy(String service) {
		try {
			return "healthy".equals(inspect(service, "{{if .State.Health}}{{.State.Health.Status}}{{end}}"));
		}
		catch (IllegalStateException notThereYet) {
			return false;
		}
	}

	/**
	 * Every volume of the engine, not only those labelled with the project: anonymous volumes that images declare carry
	 * no project label.
	 */
	Set<String> volumes() {
		String out = docker("volume", "ls", "-q").trim();
		return out.isEmpty() ? Set.of() : Set.of(out.split("\n"));
	}

	/** Runs a command, returns its output, and fails with the output unless it exits with 0 within the timeout. */
	String run(List<String> command, Duration timeout) {
		Path output = null;
		try {
			output = Files.createTempFile("compose-it", ".out");
			Process process = new ProcessBuilder(command).directory(this.projectDir.toFile())
				.redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
				.start();
			boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
			if (!exited) {
				process.destroyForcibly();
			}
			String text = Files.readString(output, StandardCharsets.UTF_8);
			if (!exited || process.exitValue() != 0) {
				throw new IllegalStateException(String.join(" ", command)
						+ (exited ? " exited with " + process.exitValue() : " did not finish within " + timeout) + ":\n"
						+ text);
			}
			return text;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot run " + command + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted: " + command, ex);
		}
		finally {
			if (output != null) {
				output.toFile().delete();
			}
		}
	}

}
