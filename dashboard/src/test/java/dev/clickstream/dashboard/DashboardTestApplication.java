package dev.clickstream.dashboard;

import java.time.Instant;
import java.util.Map;

import dev.clickstream.model.CountsSnapshot;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** An application that includes the dashboard as the listener does: by providing a {@link DashboardSource}. */
@SpringBootConfiguration
@EnableAutoConfiguration
class DashboardTestApplication {

	static final CountsSnapshot SNAPSHOT = new CountsSnapshot(
			Map.of("productview", 40L, "purchase", 2L, "addtobasket", 5L, "removefrombasket", 1L),
			Instant.parse("2026-12-01T10:00:00Z"));

	@Bean
	DashboardSource dashboardSource() {
		return new FixedSource(SNAPSHOT);
	}

}
