package dev.clickstream.dashboard;

import java.time.Duration;

/** The topic pages' settings at their defaults, for tests that build {@link DashboardProperties} by hand. */
final class DefaultTopicSettings {

	static final DashboardProperties.Browser BROWSER = new DashboardProperties.Browser(100, 1000,
			Duration.ofSeconds(1), Duration.ofSeconds(5), 2);

	static final DashboardProperties.Rates RATES = new DashboardProperties.Rates(Duration.ofSeconds(5),
			Duration.ofMinutes(5), Duration.ofSeconds(5));

	static final DashboardProperties.Late LATE = new DashboardProperties.Late(Duration.ofHours(2), 120,
			Duration.ofSeconds(5));

	private DefaultTopicSettings() {
	}

}
