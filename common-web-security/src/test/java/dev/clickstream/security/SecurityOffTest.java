package dev.clickstream.security;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without {@code clickstream.security.enabled} the service answers as it would without Spring Security on the
 * classpath: no login, no generated password, none of Spring Security's headers.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "management.endpoints.web.exposure.include=health,metrics,prometheus")
class SecurityOffTest {

	@Value("${local.server.port}")
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void everythingIsOpenAsWithoutSpringSecurity() throws Exception {
		Http http = new Http(this.port);

		HttpResponse<String> metrics = http.get("/actuator/metrics", null, null);
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.headers().map()).doesNotContainKeys("x-content-type-options", "x-frame-options",
				"cache-control", "www-authenticate");
		assertThat(http.get("/actuator/prometheus", null, null).statusCode()).isEqualTo(200);
		assertThat(http.get("/api/things", null, null).statusCode()).isEqualTo(200);
		assertThat(http.patch("/api/things", null, null).statusCode()).isEqualTo(200);
	}

	@Test
	void setsUpNoSecurityAtAll() {
		assertThat(this.context.getBeansOfType(SecurityFilterChain.class)).isEmpty();
		assertThat(this.context.containsBean("springSecurityFilterChain")).isFalse();
		assertThat(this.context.getBeanNamesForType(UserDetailsService.class)).isEmpty();
	}

}
