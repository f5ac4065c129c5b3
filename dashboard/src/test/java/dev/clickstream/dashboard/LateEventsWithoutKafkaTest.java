package dev.clickstream.dashboard;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The late events per window with no broker to read them from (the test properties name a port nothing serves). */
@SpringBootTest(classes = DashboardTestApplication.class,
		properties = { "clickstream.dashboard.producer-url=", "clickstream.dashboard.rates.interval=1h",
				"clickstream.dashboard.late.history=30m", "clickstream.dashboard.late.timeout=200ms" })
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class LateEventsWithoutKafkaTest {

	static final String FAILED = "Following event-topic.late failed";

	@Autowired
	MockMvc mvc;

	@Test
	void theAnswerSaysWhyNothingIsCountedAndTheOutageIsLoggedOnce(CapturedOutput output) throws Exception {
		Instant before = Instant.now();

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> this.mvc.perform(get("/api/topics/late"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.windows", emptyIterable()))
				.andExpect(jsonPath("$.total").value(0))
				.andExpect(jsonPath("$.skipped").value(0))
				.andExpect(jsonPath("$.error", startsWith("TimeoutException")))
				.andExpect(jsonPath("$.from", notNullValue())));
		String from = this.mvc.perform(get("/api/topics/late")).andReturn().getResponse().getContentAsString();
		assertThat(Instant.parse(from.replaceAll(".*\"from\":\"([^\"]+)\".*", "$1")))
			.isBetween(before.minus(Duration.ofMinutes(31)), before.minus(Duration.ofMinutes(29)));

		// Several tries, at 200 ms each and a backoff from 50 ms up, in the two seconds: one warning, no stack trace.
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(3))
			.until(() -> output.getOut().split(FAILED, -1).length - 1 == 1);
		assertThat(output.getOut()).doesNotContain("\tat org.apache.kafka");
	}

}
