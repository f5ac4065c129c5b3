package dev.clickstream.listener.dashboard;

import java.time.Duration;

/** The topic rates' settings at their defaults, for tests that build {@link DashboardProperties} by hand. */
final class DefaultTopicSettings {

	static final DashboardProperties.Rates RATES = new DashboardProperties.Rates(Duration.ofSeconds(5),
			Duration.ofMinutes(5), Duration.ofSeconds(5));

	private DefaultTopicSettings() {
	}

}
