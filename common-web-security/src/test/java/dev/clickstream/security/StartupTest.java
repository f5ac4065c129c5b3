package dev.clickstream.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/** What the start of a service says about its users. */
@ExtendWith(OutputCaptureExtension.class)
class StartupTest {

	@Test
	void withTheSecurityOffNoPasswordIsGenerated(CapturedOutput output) {
		try (ConfigurableApplicationContext context = start()) {
			assertThat(context.isRunning()).isTrue();
		}
		assertThat(output.getOut()).contains("Tomcat started on port")
			.doesNotContain("Using generated security password");
	}

	@Test
	void aMissingPasswordVariableStopsTheStartNamingIt(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("clickstream.security.enabled=true",
				"clickstream.security.operator.username=op",
				"clickstream.security.operator.password=${HTTP_OPERATOR_PASSWORD}",
				"clickstream.security.prometheus.username=scraper",
				"clickstream.security.prometheus.password=scrape-secret").close());

		assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
			.contains("clickstream.security.operator.password")
			.contains("${HTTP_OPERATOR_PASSWORD}")
			.contains("names an environment variable that is not set")
			.doesNotContain("scrape-secret");
	}

	@Test
	void oneNameForBothUsersStopsTheStart(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("clickstream.security.enabled=true",
				"clickstream.security.operator.username=same", "clickstream.security.operator.password=a",
				"clickstream.security.prometheus.username=same", "clickstream.security.prometheus.password=b")
			.close());

		assertThat(output.getAll()).contains("must differ, both are 'same'");
	}

	private static ConfigurableApplicationContext start(String... properties) {
		return new SpringApplicationBuilder(SecuredTestApplication.class).properties("server.port=0")
			.properties(properties)
			.run();
	}

}
