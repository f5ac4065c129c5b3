package dev.clickstream.security;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Masks secrets wherever the actuator shows configuration ({@code /actuator/env}, {@code /actuator/configprops})
 * once {@code show-values} lets it show values at all: from then on Spring Boot shows every value as it is, unless a
 * sanitizing function masks it. Masked: what Boot deems likely sensitive (keys ending in "password", "secret", "key"
 * or "token", containing "credentials", URIs that may carry a user) and the Kafka clients' {@code sasl.jaas.config},
 * which holds the SASL password under a key that is none of those. In every profile: what an endpoint shows does not
 * depend on who may call it.
 */
@AutoConfiguration
public class SecretsSanitizingAutoConfiguration {

	@Bean
	SanitizingFunction secretsSanitizer() {
		return SanitizingFunction.sanitizeValue().ifLikelySensitive().ifKeyContains("jaas");
	}

}
