package dev.clickstream.dashboard;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(classes = DashboardTestApplication.class,
		properties = { "clickstream.dashboard.producer-url=", "clickstream.dashboard.rates.interval=1h" })
@AutoConfigureMockMvc
class DashboardPageTest {

	@Autowired
	MockMvc mvc;

	@Test
	void thePageIsAtTheRootWithItsScriptsStylesIconAndChartLibrary() throws Exception {
		this.mvc.perform(get("/")).andExpect(status().isOk()).andExpect(forwardedUrl("/index.html"));
		this.mvc.perform(get("/index.html"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andExpect(content().string(containsString("<script src=\"views.js\"")));
		for (String script : new String[] { "/dashboard.js", "/views.js",
				"/webjars/uplot/dist/uPlot.iife.min.js" }) {
			this.mvc.perform(get(script))
				.andExpect(status().isOk())
				.andExpect(content().contentTypeCompatibleWith("text/javascript"));
		}
		this.mvc.perform(get("/dashboard.css")).andExpect(status().isOk());
		this.mvc.perform(get("/favicon.svg"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("image/svg+xml"));
	}

	@Test
	void theFiguresComeFromTheApplicationsSource() throws Exception {
		this.mvc.perform(get("/api/dashboard"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.loaded").value(true))
			.andExpect(jsonPath("$.totals.productview").value(40))
			.andExpect(jsonPath("$.total").value(48));
	}

	@Test
	void onlyThePagesOwnFilesAreServedFromItsLocation() throws Exception {
		this.mvc.perform(get("/META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports"))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/clickstream-dashboard/views.js")).andExpect(status().isNotFound());
	}

}
