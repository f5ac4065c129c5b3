package dev.clickstream.producer.generator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

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
	void defaultsToTheShopModelAtAHundredASecondOnTheWallClock() {
		new ApplicationContextRunner().withUserConfiguration(PropertiesOnly.class).run(context -> {
			GeneratorProperties properties = context.getBean(GeneratorProperties.class);
			assertThat(properties.model()).isEqualTo(GeneratorProperties.Model.SHOP);
			assertThat(properties.seed()).isNull();
			assertThat(properties.rate()).isEqualTo(100);
			assertThat(properties.tick()).isEqualTo(Duration.ofMillis(100));
			assertThat(properties.eventNames()).containsExactly("productview", "purchase", "addtobasket",
					"removefrombasket");
			assertThat(properties.limit()).isNull();
			assertThat(properties.maxInFlight()).isEqualTo(50_000);
			assertThat(properties.clock()).isEqualTo(GeneratorProperties.Clock.WALL);
			assertThat(properties.late().fraction()).isZero();
			assertThat(properties.shop()).isEqualTo(new ShopSettings(1000, 1.0, 10_000, 200, 0.12, 0.03, 0.08, 0.5));
		});
	}

	@Test
	void bindsTheDocumentedPropertyNames() {
		new ApplicationContextRunner().withUserConfiguration(PropertiesOnly.class)
			.withPropertyValues("clickstream.generator.model=seed", "clickstream.generator.seed=42",
					"clickstream.generator.rate=20000", "clickstream.generator.tick=50ms",
					"clickstream.generator.event-names=view,buy", "clickstream.generator.limit=500",
					"clickstream.generator.max-in-flight=10", "clickstream.generator.clock=simulated",
					"clickstream.generator.simulated.start=2026-06-01T08:00:00Z",
					"clickstream.generator.simulated.speed=3600", "clickstream.generator.late.fraction=0.05",
					"clickstream.generator.late.max-lateness=90s", "clickstream.generator.shop.products=50",
					"clickstream.generator.shop.zipf-exponent=1.2", "clickstream.generator.shop.users=300",
					"clickstream.generator.shop.open-sessions=20", "clickstream.generator.shop.add-to-basket=0.2",
					"clickstream.generator.shop.remove-from-basket=0.05", "clickstream.generator.shop.leave=0.1",
					"clickstream.generator.shop.purchase=0.7")
			.run(context -> assertThat(context.getBean(GeneratorProperties.class))
				.isEqualTo(new GeneratorProperties(GeneratorProperties.Model.SEED, 42L, 20_000, Duration.ofMillis(50),
						List.of("view", "buy"), 500L, 10, GeneratorProperties.Clock.SIMULATED,
						new GeneratorProperties.Simulated(Instant.parse("2026-06-01T08:00:00Z"), 3600),
						new GeneratorProperties.Late(0.05, Duration.ofSeconds(90)),
						new ShopSettings(50, 1.2, 300, 20, 0.2, 0.05, 0.1, 0.7))));
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
			clickstream.generator.model=mall          | clickstream.generator.model          | failed to convert java.lang.String to @
			clickstream.generator.event-names=a,b     | clickstream.generator.eventNamesOnlyForTheSeedModel | event-names applies to the seed model only
			clickstream.generator.simulated.speed=0   | clickstream.generator.simulated.speed | must be greater than 0
			clickstream.generator.late.fraction=1.5   | clickstream.generator.late.fraction  | must be less than or equal to 1
			clickstream.generator.late.max-lateness=0s | clickstream.generator.late.maxLateness | must be longer than or equal to 1 second
			clickstream.generator.shop.products=0     | clickstream.generator.shop.products  | must be greater than or equal to 1
			clickstream.generator.shop.zipf-exponent=-1 | clickstream.generator.shop.zipfExponent | must be greater than or equal to 0
			clickstream.generator.shop.open-sessions=6000 | clickstream.generator.shop.openSessionsAtMostHalfOfUsers | open-sessions must be at most half of users
			clickstream.generator.shop.leave=0.9      | clickstream.generator.shop.funnelAProbability | add-to-basket + remove-from-basket + leave must be at most 1
			clickstream.generator.shop.leave=0        | clickstream.generator.shop.leave     | must be greater than 0
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
