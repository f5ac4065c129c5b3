package dev.clickstream.producer.generator;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

@ExtendWith(OutputCaptureExtension.class)
class GeneratorPropertiesTest {

	@Test
	void defaultsToTheSeedsEventsAtAHundredASecond() {
		new ApplicationContextRunner().withUserConfiguration(PropertiesOnly.class).run(context -> {
			GeneratorProperties properties = context.getBean(GeneratorProperties.class);
			assertThat(properties.rate()).isEqualTo(100);
			assertThat(properties.tick()).isEqualTo(Duration.ofMillis(100));
			assertThat(properties.eventNames()).containsExactly("productview", "purchase", "addtobasket",
					"removefrombasket");
			assertThat(properties.limit()).isNull();
			assertThat(properties.maxInFlight()).isEqualTo(50_000);
		});
	}

	@Test
	void bindsTheDocumentedPropertyNames() {
		new ApplicationContextRunner().withUserConfiguration(PropertiesOnly.class)
			.withPropertyValues("clickstream.generator.rate=20000", "clickstream.generator.tick=50ms",
					"clickstream.generator.event-names=view,buy", "clickstream.generator.limit=500",
					"clickstream.generator.max-in-flight=10")
			.run(context -> assertThat(context.getBean(GeneratorProperties.class))
				.isEqualTo(new GeneratorProperties(20_000, Duration.ofMillis(50), java.util.List.of("view", "buy"),
						500L, 10)));
	}

	// Boot names the property as the record spells it (eventNames) and, where a value was given, where it came from.
	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			clickstream.generator.rate=-1             | clickstream.generator.rate           | must be greater than 0
			clickstream.generator.rate=20000000       | clickstream.generator.rate           | must be less than or equal to 10000000
			clickstream.generator.tick=0ms            | clickstream.generator.tick           | must be a positive duration such as 500ms or 1s
			clickstream.generator.tick=-1s            | clickstream.generator.tick           | must be a positive duration such as 500ms or 1s
			clickstream.generator.tick=2m             | clickstream.generator.tick           | must be shorter than or equal to 1 minute
			clickstream.generator.event-names=        | clickstream.generator.eventNames     | must not be empty
			'clickstream.generator.event-names[0]= '  | clickstream.generator.eventNames[0]  | must not be blank
			clickstream.generator.limit=0             | clickstream.generator.limit          | must be greater than 0
			clickstream.generator.max-in-flight=0     | clickstream.generator.maxInFlight    | must be greater than 0
			""")
	void refusesToStartWithABadValueAndNamesTheProperty(String setting, String property, String reason,
			CapturedOutput output) {
		SpringApplicationBuilder application = new SpringApplicationBuilder(PropertiesOnly.class)
			.web(WebApplicationType.NONE);

		assertThatException().isThrownBy(() -> application.run("--" + setting));

		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property: " + property + "\n")
			.contains("Reason: " + reason);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(GeneratorProperties.class)
	static class PropertiesOnly {

	}

}
