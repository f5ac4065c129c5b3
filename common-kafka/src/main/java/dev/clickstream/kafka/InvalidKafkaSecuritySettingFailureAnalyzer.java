package dev.clickstream.kafka;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.clickstream.kafka.KafkaSecuritySettingsCheck.InvalidKafkaSecuritySettingException;

/** Turns a Kafka security setting that cannot work into Spring Boot's one-paragraph startup failure report. */
class InvalidKafkaSecuritySettingFailureAnalyzer
		extends AbstractFailureAnalyzer<InvalidKafkaSecuritySettingException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidKafkaSecuritySettingException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
	}

}
