package dev.clickstream.kafka;

import java.time.Duration;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

@ExtendWith(OutputCaptureExtension.class)
class PositiveDurationTest {

	static ValidatorFactory factory;

	static Validator validator;

	@BeforeAll
	static void validator() {
		factory = Validation.buildDefaultValidatorFactory();
		validator = factory.getValidator();
	}

	@AfterAll
	static void close() {
		factory.close();
	}

	@Test
	void acceptsAnyDurationAboveZeroAndNone() {
		assertThat(validator.validate(new Timed(Duration.ofNanos(1)))).isEmpty();
		assertThat(validator.validate(new Timed(Duration.ofDays(365)))).isEmpty();
		assertThat(validator.validate(new Timed(null))).isEmpty();
	}

	@Test
	void refusesZeroAndNegativeDurationsWithOneMessage() {
		for (Duration refused : new Duration[] { Duration.ZERO, Duration.ofNanos(-1), Duration.ofSeconds(-5) }) {
			assertThat(validator.validate(new Timed(refused))).as(refused.toString())
				.singleElement()
				.extracting(ConstraintViolation::getMessage)
				.isEqualTo("must be a positive duration such as 500ms or 1s");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "0ms", "-1s", "0" })
	void theKafkaHealthTimeoutStopsStartupNamingTheProperty(String timeout, CapturedOutput output) {
		SpringApplicationBuilder application = new SpringApplicationBuilder(HealthPropertiesOnly.class)
			.web(WebApplicationType.NONE);

		assertThatException().isThrownBy(() -> application.run("--clickstream.health.kafka.timeout=" + timeout));

		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property: clickstream.health.kafka.timeout\n")
			.contains("Reason: must be a positive duration such as 500ms or 1s");
		assertThat(output.getOut()).containsOnlyOnce("Reason: ");
	}

	record Timed(@Nullable @PositiveDuration Duration duration) {
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(KafkaHealthProperties.class)
	static class HealthPropertiesOnly {

	}

}
