package dev.clickstream.listener;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

@ExtendWith(OutputCaptureExtension.class)
class EventListenerPropertiesTest {

	final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(Bind.class)
		.withPropertyValues("clickstream.instance-id=listener-1");

	@Test
	void defaultsMatchTheOriginalDesign() {
		this.runner.run(context -> {
			EventListenerProperties properties = context.getBean(EventListenerProperties.class);
			assertThat(properties.counting().eventNames()).containsExactly("productview", "purchase", "addtobasket",
					"removefrombasket");
			assertThat(properties.snapshots().interval()).isEqualTo(Duration.ofSeconds(1));
			assertThat(properties.snapshots().mode()).isEqualTo(EventListenerProperties.Snapshots.Mode.INTERVAL);
			assertThat(properties.faults().failEveryNthBatch()).isZero();
			assertThat(properties.windows().enabled()).isTrue();
			assertThat(properties.windows().size()).isEqualTo(Duration.ofMinutes(1));
			assertThat(properties.windows().grace()).isEqualTo(Duration.ofSeconds(30));
			assertThat(properties.windows().retention()).isEqualTo(Duration.ofHours(24));
			assertThat(properties.windows().idleTimeout()).isEqualTo(Duration.ofMinutes(5));
		});
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			clickstream.windows.size=0s          | clickstream.windows.size             | must be longer than or equal to 1 second
			clickstream.windows.size=2d          | clickstream.windows.size             | must be shorter than or equal to 1 day
			clickstream.windows.grace=-1s        | clickstream.windows.grace            | must be longer than or equal to 0
			clickstream.windows.size=1500ms      | clickstream.windows.wholeSeconds     | size and grace must be whole seconds, as event dates are
			clickstream.windows.grace=31m        | clickstream.windows.fewEnoughOpenWindows | grace may be at most 30 window sizes
			clickstream.windows.idle-timeout=0s  | clickstream.windows.idleTimeout      | must be a positive duration such as 500ms or 1s
			""")
	void aBadWindowSettingStopsStartupNamingTheProperty(String setting, String property, String reason,
			CapturedOutput output) {
		SpringApplicationBuilder application = new SpringApplicationBuilder(Bind.class).web(WebApplicationType.NONE);

		assertThatException()
			.isThrownBy(() -> application.run("--clickstream.instance-id=listener-1", "--" + setting));

		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property: " + property + "\n")
			.contains("Reason: " + reason);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			clickstream.snapshots.interval=0s          | clickstream.snapshots.interval
			clickstream.counting.restore-timeout=-1s   | clickstream.counting.restoreTimeout
			""")
	void aDurationThatIsNotPositiveStopsStartupNamingTheProperty(String setting, String property,
			CapturedOutput output) {
		SpringApplicationBuilder application = new SpringApplicationBuilder(Bind.class).web(WebApplicationType.NONE);

		assertThatException()
			.isThrownBy(() -> application.run("--clickstream.instance-id=listener-1", "--" + setting));

		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property: " + property + "\n")
			.contains("Reason: must be a positive duration such as 500ms or 1s");
		assertThat(output.getOut()).containsOnlyOnce("Reason: ");
	}

	@Test
	void anInstanceIdThatCannotBePartOfATransactionalIdIsRefused() {
		this.runner.withPropertyValues("clickstream.instance-id=has spaces")
			.run(context -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("clickstream.instance-id"));
	}

	@Test
	void anEmptyListOfEventNamesIsRefused() {
		this.runner.withPropertyValues("clickstream.counting.event-names=")
			.run(context -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("clickstream.counting.eventNames"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(EventListenerProperties.class)
	static class Bind {

	}

}
