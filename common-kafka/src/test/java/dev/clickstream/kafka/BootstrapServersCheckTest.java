package dev.clickstream.kafka;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BootstrapServersCheckTest {

	final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations
		.of(KafkaAutoConfiguration.class, ClickstreamKafkaAutoConfiguration.class, ValidationAutoConfiguration.class))
		.withPropertyValues("spring.kafka.admin.auto-create=false");

	@Test
	void acceptsHostPortLists() {
		assertThatNoException().isThrownBy(() -> BootstrapServersCheck
			.check(List.of("localhost:9092", "kafka-1.example.com:19092", "127.0.0.1:9092", "[::1]:9092")));
	}

	@Test
	void refusesAnAddressWithoutPortNamingTheProperty() {
		assertThatThrownBy(() -> BootstrapServersCheck.check(List.of("localhost:9092", "kafka")))
			.hasMessage("spring.kafka.bootstrap-servers is 'localhost:9092,kafka': 'kafka' is not host:port");
	}

	@Test
	void refusesAPortOutOfRange() {
		assertThatThrownBy(() -> BootstrapServersCheck.check(List.of("localhost:99999")))
			.hasMessageContaining("with a port from 1 to 65535");
	}

	@Test
	void aServiceWithABadAddressFailsToStartWithOneClearReport() {
		this.runner.withPropertyValues("spring.kafka.bootstrap-servers=not a url").run(context -> {
			assertThat(context).hasFailed();
			assertThat(new InvalidBootstrapServersFailureAnalyzer().analyze(context.getStartupFailure()))
				.satisfies(analysis -> {
					assertThat(analysis.getDescription()).contains("spring.kafka.bootstrap-servers is 'not a url'");
					assertThat(analysis.getAction()).contains("host:port");
				});
		});
	}

	@Test
	void zeroPartitionsFailsToStartNamingTheProperty() {
		this.runner.withPropertyValues("clickstream.topics.events.partitions=0")
			.run(context -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("clickstream.topics.events.partitions"));
	}

}
