package dev.clickstream.producer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/** A secret the secured profile needs and the environment does not give stops the start, naming it. */
@ExtendWith(OutputCaptureExtension.class)
class SecuredProfileStartupTest {

	@Test
	void aMissingKafkaPasswordIsNamed(CapturedOutput output) throws Exception {
		assertThatException().isThrownBy(() -> start("HTTP_OPERATOR_PASSWORD=op-secret",
				"HTTP_PROMETHEUS_PASSWORD=scrape-secret", "KAFKA_TRUSTSTORE_PASSWORD=test-truststore"));

		assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
			.contains("refers to the environment variable KAFKA_PASSWORD, which is not set")
			.contains("Set the environment variable KAFKA_PASSWORD");
	}

	@Test
	void aMissingOperatorPasswordIsNamed(CapturedOutput output) throws Exception {
		assertThatException().isThrownBy(() -> start("KAFKA_PASSWORD=k", "HTTP_PROMETHEUS_PASSWORD=scrape-secret",
				"KAFKA_TRUSTSTORE_PASSWORD=test-truststore"));

		assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
			.contains("clickstream.security.operator.password")
			.contains("${HTTP_OPERATOR_PASSWORD}")
			.contains("names an environment variable that is not set");
	}

	@Test
	void aWrongTruststorePasswordIsNamed(CapturedOutput output) throws Exception {
		assertThatException().isThrownBy(() -> start("KAFKA_PASSWORD=k", "HTTP_OPERATOR_PASSWORD=op-secret",
				"HTTP_PROMETHEUS_PASSWORD=scrape-secret", "KAFKA_TRUSTSTORE_PASSWORD=wrong"));

		assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
			.contains("The truststore of the SSL bundle 'kafka'")
			.contains("KAFKA_TRUSTSTORE_PASSWORD");
	}

	private static void start(String... environment) throws Exception {
		new SpringApplicationBuilder(ClickstreamProducerApplication.class).profiles("secured")
			.properties("server.port=0", "spring.kafka.bootstrap-servers=127.0.0.1:1",
					"KAFKA_TRUSTSTORE=" + new ClassPathResource("secured/truststore.p12").getFile().getPath())
			.properties(environment)
			.run()
			.close();
	}

}
