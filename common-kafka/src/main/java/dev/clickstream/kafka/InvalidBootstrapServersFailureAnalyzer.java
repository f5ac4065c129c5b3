package dev.clickstream.kafka;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.clickstream.kafka.BootstrapServersCheck.InvalidBootstrapServersException;

/**
 * Turns a bad bootstrap address into Spring Boot's one-paragraph startup failure report.
 */
class InvalidBootstrapServersFailureAnalyzer extends AbstractFailureAnalyzer<InvalidBootstrapServersException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidBootstrapServersException cause) {
		return new FailureAnalysis(
				"The property " + BootstrapServersCheck.PROPERTY + " is '" + cause.value() + "': " + cause.reason() + ".",
				"Set " + BootstrapServersCheck.PROPERTY + " to a comma-separated list of host:port, for example "
						+ "localhost:9092 (environment variable SPRING_KAFKA_BOOTSTRAP_SERVERS).",
				cause);
	}

}
