package dev.clickstream.listener;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Settings that would make the listener count or publish wrongly stop it at startup, with the reason. No broker is
 * needed: the checks run before any client connects.
 */
class StartupChecksTest {

	@Test
	void theConsumerGroupProtocolStopsStartupNamingTheSnapshotGroup() {
		assertThatThrownBy(() -> start("--spring.kafka.consumer.properties.group.protocol=consumer"))
			.hasMessageContaining("'event-listener-snapshots' is set to group.protocol=consumer");
	}

	@Test
	void theFormerChangelogSettingStopsStartupNamingItsNewName() {
		assertThatThrownBy(() -> start("--clickstream.counting.changelog-topic=my-changelog"))
			.rootCause()
			.hasMessageContaining("clickstream.counting.changelog-topic has moved: set clickstream.topics.changelog.name");
	}

	private static void start(String setting) {
		new SpringApplicationBuilder(EventListenerApplication.class)
			.run("--server.port=0", "--spring.kafka.bootstrap-servers=127.0.0.1:9", "--clickstream.instance-id=test",
					"--clickstream.dashboard.producer-url=", "--logging.level.org.apache.kafka=OFF", setting)
			.close();
	}

}
