package dev.clickstream.security;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Leaves out every one of Spring Boot's security auto-configurations unless {@code clickstream.security.enabled} is
 * true. With Spring Security on the classpath Boot would otherwise lock every request behind a login with a generated
 * password, add its headers, and turn on CSRF protection; left out, a service runs as it would without the library.
 */
class WebSecurityImportFilter implements AutoConfigurationImportFilter, EnvironmentAware {

	static final String SECURITY_AUTO_CONFIGURATIONS = "org.springframework.boot.security.";

	private boolean enabled;

	@Override
	public void setEnvironment(Environment environment) {
		this.enabled = environment.getProperty(WebSecurityProperties.ENABLED, Boolean.class, false);
	}

	@Override
	public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
		boolean[] matches = new boolean[autoConfigurationClasses.length];
		for (int i = 0; i < autoConfigurationClasses.length; i++) {
			String candidate = autoConfigurationClasses[i];
			matches[i] = this.enabled || candidate == null || !candidate.startsWith(SECURITY_AUTO_CONFIGURATIONS);
		}
		return matches;
	}

}
