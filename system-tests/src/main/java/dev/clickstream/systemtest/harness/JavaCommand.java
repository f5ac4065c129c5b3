package dev.clickstream.systemtest.harness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command lines that start another JVM on the Java that runs this one. */
public final class JavaCommand {

	private JavaCommand() {
	}

	/** The JVM running this process, so children run on the same Java. */
	public static String java() {
		return ProcessHandle.current()
			.info()
			.command()
			.orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
	}

	/** {@code java <jvmOptions> -jar <jar> <args>}. */
	public static List<String> jar(Path jar, List<String> jvmOptions, List<String> args) {
		List<String> command = new ArrayList<>();
		command.add(java());
		command.addAll(jvmOptions);
		command.add("-jar");
		command.add(jar.toString());
		command.addAll(args);
		return command;
	}

}
