package dev.clickstream.listener;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

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
		});
	}

	@Test
	void aZeroIntervalStopsStartupNamingTheProperty() {
		this.runner.withPropertyValues("clickstream.snapshots.interval=0s")
			.run(context -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("clickstream.snapshots.interval must be a positive duration"));
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
