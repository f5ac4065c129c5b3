package dev.clickstream.security;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Masks the Kafka clients' JAAS configuration, which holds the SASL password, wherever the actuator shows
 * configuration ({@code /actuator/env}, {@code /actuator/configprops}) with {@code show-values} on. Spring Boot masks
 * keys that end in "password", "secret", "key" or "token"; {@code sasl.jaas.config} is none of those. In every profile:
 * what an endpoint shows does not depend on who may call it.
 */
@AutoConfiguration
public class SecretsSanitizingAutoConfiguration {

	@Bean
	SanitizingFunction jaasConfigSanitizer() {
		return SanitizingFunction.sanitizeValue().ifKeyContains("jaas");
	}

}
