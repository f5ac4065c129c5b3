package dev.clickstream.security;

import jakarta.servlet.DispatcherType;
import tools.jackson.databind.json.JsonMapper;

import dev.clickstream.security.WebSecurityProperties.Credentials;
import dev.clickstream.security.WebSecurityProperties.Reads;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what, with {@code clickstream.security.enabled=true}: the health probes are open; Prometheus' user may
 * scrape; everything else of the actuator, and every request but a GET, needs the operator; the GET requests outside
 * the actuator are open or need the operator, as {@code clickstream.security.reads} says. HTTP Basic, no session: each
 * request carries its credentials, so there is no session to steal and no CSRF token to keep.
 */
@AutoConfiguration(before = { ManagementWebSecurityAutoConfiguration.class,
		ServletWebSecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class })
@ConditionalOnBooleanProperty(WebSecurityProperties.ENABLED)
@ConditionalOnWebApplication(type = Type.SERVLET)
@EnableConfigurationProperties(WebSecurityProperties.class)
public class ClickstreamWebSecurityAutoConfiguration {

	static final String OPERATOR = "OPERATOR";

	static final String PROMETHEUS = "PROMETHEUS";

	@Bean
	SecurityFilterChain clickstreamSecurityFilterChain(HttpSecurity http, WebSecurityProperties properties,
			JsonMapper jsonMapper) {
		ProblemResponses problems = new ProblemResponses(jsonMapper);
		http.authorizeHttpRequests((requests) -> {
			// Continuations of a request already let through: its error page, the rest of its event stream.
			requests.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll();
			requests.requestMatchers(EndpointRequest.to("health")).permitAll();
			requests.requestMatchers(EndpointRequest.to("prometheus")).hasAnyRole(OPERATOR, PROMETHEUS);
			requests.requestMatchers(EndpointRequest.toAnyEndpoint()).hasRole(OPERATOR);
			if (properties.reads() == Reads.OPEN) {
				requests.requestMatchers(HttpMethod.GET).permitAll();
			}
			else {
				requests.requestMatchers(HttpMethod.GET).hasRole(OPERATOR);
			}
			requests.anyRequest().hasRole(OPERATOR);
		});
		http.httpBasic((basic) -> basic.realmName(ProblemResponses.REALM).authenticationEntryPoint(problems));
		http.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(problems)
			.accessDeniedHandler(problems));
		http.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		http.csrf(AbstractHttpConfigurer::disable);
		http.requestCache(AbstractHttpConfigurer::disable);
		http.logout(AbstractHttpConfigurer::disable);
		return http.build();
	}

	@Bean
	InMemoryUserDetailsManager clickstreamUsers(WebSecurityProperties properties, PasswordEncoder passwordEncoder) {
		return new InMemoryUserDetailsManager(user(properties.operator(), OPERATOR, passwordEncoder),
				user(properties.prometheus(), PROMETHEUS, passwordEncoder));
	}

	@Bean
	PasswordEncoder clickstreamPasswordEncoder() {
		return new DigestPasswordEncoder();
	}

	private static UserDetails user(Credentials credentials, String role,
			PasswordEncoder passwordEncoder) {
		return User.withUsername(credentials.username())
			.password(passwordEncoder.encode(credentials.password()))
			.roles(role)
			.build();
	}

}
