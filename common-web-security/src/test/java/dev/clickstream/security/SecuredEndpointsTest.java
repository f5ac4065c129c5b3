package dev.clickstream.security;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may call what with the security on and reads needing the operator, over real HTTP. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "clickstream.security.enabled=true", "clickstream.security.operator.username=op",
				"clickstream.security.operator.password=op-secret", "clickstream.security.prometheus.username=scraper",
				"clickstream.security.prometheus.password=scrape-secret",
				"management.endpoints.web.exposure.include=health,info,metrics,prometheus",
				"management.endpoint.health.probes.enabled=true" })
class SecuredEndpointsTest {

	@Value("${local.server.port}")
	int port;

	private Http http;

	@BeforeEach
	void client() {
		this.http = new Http(this.port);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness" })
	void healthProbesAreOpen(String probe) throws Exception {
		assertThat(this.http.get(probe, null, null).statusCode()).isEqualTo(200);
	}

	@Test
	void anonymousMetricsAreRefusedWithABasicChallengeAndAProblemDetail() throws Exception {
		HttpResponse<String> response = this.http.get("/actuator/metrics", null, null);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"clickstream\"");
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"status\":401").contains("\"instance\":\"/actuator/metrics\"");
	}

	@Test
	void theOperatorReadsEveryActuatorEndpoint() throws Exception {
		assertThat(this.http.get("/actuator/metrics", "op", "op-secret").statusCode()).isEqualTo(200);
		assertThat(this.http.get("/actuator/info", "op", "op-secret").statusCode()).isEqualTo(200);
		assertThat(this.http.get("/actuator/prometheus", "op", "op-secret").statusCode()).isEqualTo(200);
	}

	@Test
	void theScrapeUserScrapesAndNothingElse() throws Exception {
		assertThat(this.http.get("/actuator/prometheus", "scraper", "scrape-secret").statusCode()).isEqualTo(200);

		HttpResponse<String> metrics = this.http.get("/actuator/metrics", "scraper", "scrape-secret");
		assertThat(metrics.statusCode()).isEqualTo(403);
		assertThat(metrics.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(this.http.get("/api/things", "scraper", "scrape-secret").statusCode()).isEqualTo(403);
		assertThat(this.http.patch("/api/things", "scraper", "scrape-secret").statusCode()).isEqualTo(403);
	}

	@Test
	void anonymousScrapesAreRefused() throws Exception {
		assertThat(this.http.get("/actuator/prometheus", null, null).statusCode()).isEqualTo(401);
	}

	@Test
	void writesNeedTheOperator() throws Exception {
		assertThat(this.http.patch("/api/things", null, null).statusCode()).isEqualTo(401);

		HttpResponse<String> changed = this.http.patch("/api/things", "op", "op-secret");
		assertThat(changed.statusCode()).isEqualTo(200);
		assertThat(changed.body()).isEqualTo("{\"things\":2}");
	}

	@Test
	void readsNeedTheOperatorByDefault() throws Exception {
		assertThat(this.http.get("/api/things", null, null).statusCode()).isEqualTo(401);
		assertThat(this.http.get("/api/things", "op", "op-secret").statusCode()).isEqualTo(200);
	}

	@Test
	void aWrongPasswordIsRefused() throws Exception {
		assertThat(this.http.get("/actuator/metrics", "op", "scrape-secret").statusCode()).isEqualTo(401);
		assertThat(this.http.patch("/api/things", "op", "op-secret ").statusCode()).isEqualTo(401);
	}

	@Test
	void keepsNoSession() throws Exception {
		HttpResponse<String> response = this.http.get("/actuator/metrics", "op", "op-secret");

		assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
	}

}
