package dev.clickstream.systemtest.harness;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Command lines that start another JVM on the Java that runs this one. */
public final class JavaCommand {

	private JavaCommand() {
	}

	/** The JVM running this process, so children run on the same Java. */
	private static String java() {
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

	/** {@code java <jvmOptions> -cp <classpath> <mainClass> <args>}. */
	public static List<String> mainClass(String classpath, String mainClass, List<String> jvmOptions,
			List<String> args) {
		List<String> command = new ArrayList<>();
		command.add(java());
		command.addAll(jvmOptions);
		command.add("-cp");
		command.add(classpath);
		command.add(mainClass);
		command.addAll(args);
		return command;
	}

	/** The class path of this JVM with absolute entries, so a child in another working directory finds them too. */
	public static String classpath() {
		return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter(entry -> !entry.isEmpty())
			.map(entry -> Path.of(entry).toAbsolutePath().toString())
			.collect(Collectors.joining(File.pathSeparator));
	}

}
