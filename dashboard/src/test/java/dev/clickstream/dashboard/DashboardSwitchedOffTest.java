package dev.clickstream.dashboard;

import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

import dev.clickstream.dashboard.late.LateEventsConfiguration;
import dev.clickstream.dashboard.topics.TopicsConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(classes = DashboardTestApplication.class,
		properties = "clickstream.dashboard.enabled=false")
@AutoConfigureMockMvc
class DashboardSwitchedOffTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Test
	void switchedOffNothingOfTheDashboardRuns() {
		assertThat(this.context.getBeansOfType(DashboardFeed.class)).isEmpty();
		assertThat(this.context.getBeansOfType(TopicsConfiguration.class)).isEmpty();
		assertThat(this.context.getBeansOfType(Admin.class)).isEmpty();
		assertThat(this.context.getBeansOfType(DashboardProperties.class)).isEmpty();
		assertThat(this.context.getBeansOfType(LateEventsConfiguration.class)).isEmpty();
		assertThat(this.context.getBeansOfType(SmartLifecycle.class).values()).noneMatch(
				lifecycle -> lifecycle.getClass().getPackageName().startsWith("dev.clickstream.dashboard"));
	}

	@Test
	void switchedOffNoneOfItsPathsIsServed() throws Exception {
		for (String path : new String[] { "/", "/index.html", "/views.js", "/favicon.svg", "/api/dashboard",
				"/api/dashboard/stream", "/api/topics", "/api/topics/rates", "/api/topics/late" }) {
			this.mvc.perform(get(path)).andExpect(status().isNotFound());
		}
	}

}
