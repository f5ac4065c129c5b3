package dev.clickstream.security;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** With {@code reads=open} anyone reads; writes and the actuator still need their users. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "clickstream.security.enabled=true", "clickstream.security.reads=open",
				"clickstream.security.operator.username=op", "clickstream.security.operator.password=op-secret",
				"clickstream.security.prometheus.username=scraper",
				"clickstream.security.prometheus.password=scrape-secret",
				"management.endpoints.web.exposure.include=health,metrics,prometheus" })
class OpenReadsTest {

	@Value("${local.server.port}")
	int port;

	@Test
	void anyoneReadsAndOnlyTheOperatorWrites() throws Exception {
		Http http = new Http(this.port);

		assertThat(http.get("/api/things", null, null).statusCode()).isEqualTo(200);
		assertThat(http.patch("/api/things", null, null).statusCode()).isEqualTo(401);
		assertThat(http.patch("/api/things", "op", "op-secret").statusCode()).isEqualTo(200);
		assertThat(http.get("/actuator/metrics", null, null).statusCode()).isEqualTo(401);
	}

}
