package dev.clickstream.model;

import java.util.List;
import java.util.OptionalDouble;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The answer of Spring Boot actuator's {@code /actuator/metrics/{name}}, as far as readers of a counter or gauge need
 * it: the measurements, summed over every tag.
 *
 * @param name the meter's name
 * @param measurements one value per statistic ({@code COUNT}, {@code VALUE}, {@code TOTAL_TIME}...)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ActuatorMetric(String name, List<Measurement> measurements) {

	/** The path that answers with the metric, relative to the service's root. */
	public static String path(String name) {
		return "/actuator/metrics/" + name;
	}

	public ActuatorMetric {
		measurements = List.copyOf(measurements);
	}

	/** The value of one statistic, if the metric has it. */
	public OptionalDouble statistic(String statistic) {
		return this.measurements.stream()
			.filter(measurement -> statistic.equals(measurement.statistic()))
			.mapToDouble(Measurement::value)
			.findFirst();
	}

	/** A counter's count or a gauge's value. */
	public double value() {
		OptionalDouble count = statistic("COUNT");
		return count.isPresent() ? count.getAsDouble() : statistic("VALUE").orElseThrow(
				() -> new IllegalStateException("metric " + this.name + " has neither COUNT nor VALUE: " + this.measurements));
	}

	/**
	 * @param statistic what the value is, e.g. {@code COUNT}
	 * @param value its value
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Measurement(String statistic, double value) {
	}

}
