package dev.clickstream.systemtest;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.clickstream.systemtest.harness.ServiceProcess;

/** One scrape of a service's {@code /actuator/prometheus}, read as Prometheus reads its text format. */
final class PrometheusScrape {

	private static final Pattern LINE = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)\\{([^}]*)\\} (\\S+)$");

	private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	private final String text;

	private PrometheusScrape(String text) {
		this.text = text;
	}

	static PrometheusScrape of(ServiceProcess service) {
		var response = service.get("/actuator/prometheus");
		if (response.statusCode() != 200) {
			throw new IllegalStateException("/actuator/prometheus answered " + response.statusCode());
		}
		return new PrometheusScrape(response.body());
	}

	/**
	 * The value of each series of a Micrometer counter, by the value of one of its labels.
	 * @param counter the meter's Micrometer name, e.g. {@code clickstream.events.counted}
	 */
	Map<String, Double> counter(String counter, String label) {
		String name = counter.replace('.', '_').replace('-', '_') + "_total";
		Map<String, Double> series = new TreeMap<>();
		Matcher line = LINE.matcher(this.text);
		while (line.find()) {
			if (line.group(1).equals(name)) {
				Matcher labels = LABEL.matcher(line.group(2));
				while (labels.find()) {
					if (labels.group(1).equals(label)) {
						series.put(labels.group(2), Double.parseDouble(line.group(3)));
					}
				}
			}
		}
		return series;
	}

}
