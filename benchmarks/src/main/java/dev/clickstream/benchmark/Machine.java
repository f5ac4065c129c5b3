package dev.clickstream.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the numbers were measured on. */
final class Machine {

	private Machine() {
	}

	/** The 1-minute load average. */
	static double load1() {
		try {
			return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split("\\s+")[0]);
		}
		catch (IOException | RuntimeException ex) {
			return Double.NaN;
		}
	}

	static String loadAverages() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).split("\\s+");
			return fields[0] + " / " + fields[1] + " / " + fields[2];
		}
		catch (IOException | RuntimeException ex) {
			return "unknown";
		}
	}

	static String cpu() {
		String model = procLine("/proc/cpuinfo", "model name");
		return Runtime.getRuntime().availableProcessors() + " cores"
				+ (model.isEmpty() ? "" : " (" + model.substring(model.indexOf(':') + 1).trim() + ")");
	}

	static String memory() {
		String total = procLine("/proc/meminfo", "MemTotal");
		if (total.isEmpty()) {
			return "unknown";
		}
		long kb = Long.parseLong(total.replaceAll("[^0-9]", ""));
		return String.format("%.1f GB", kb / 1024.0 / 1024.0);
	}

	static String jdk() {
		return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
	}

	static String os() {
		return System.getProperty("os.name") + " " + System.getProperty("os.version");
	}

	private static String procLine(String file, String prefix) {
		try {
			List<String> lines = Files.readAllLines(Path.of(file));
			return lines.stream().filter(line -> line.startsWith(prefix)).findFirst().orElse("");
		}
		catch (IOException ex) {
			return "";
		}
	}

}
