package dev.clickstream.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The users and the access to reads, bound only when {@code clickstream.security.enabled} is true.
 *
 * @param reads who may make the GET requests outside the actuator: the listener's dashboard, its static files and
 * read APIs, the producer's generator status
 * @param operator the user who may do everything: change the generator, read every actuator endpoint
 * @param prometheus the user who may only scrape {@code /actuator/prometheus}
 */
@Validated
@ConfigurationProperties(WebSecurityProperties.PREFIX)
public record WebSecurityProperties(@DefaultValue("authenticated") Reads reads, @Valid @NotNull Credentials operator,
		@Valid @NotNull Credentials prometheus) {

	static final String PREFIX = "clickstream.security";

	static final String ENABLED = PREFIX + ".enabled";

	public WebSecurityProperties {
		// One user store for both: a shared name would make one of them unreachable.
		if (operator != null && prometheus != null && operator.username() != null
				&& operator.username().equals(prometheus.username())) {
			throw new IllegalArgumentException(PREFIX + ".operator.username and " + PREFIX
					+ ".prometheus.username must differ, both are '" + operator.username() + "'");
		}
	}

	/** Who may make the GET requests outside the actuator. */
	public enum Reads {

		/** Anyone, without credentials. */
		OPEN,

		/** The operator. */
		AUTHENTICATED

	}

	/**
	 * A user's name and password, each set from the environment. A placeholder such as
	 * {@code ${HTTP_OPERATOR_PASSWORD}} whose variable is not set reaches the binder as it is written; it is refused
	 * here, so the startup report names the variable instead of the service starting with that text as the password.
	 *
	 * @param username the name to give with HTTP Basic
	 * @param password the password to give with HTTP Basic
	 */
	public record Credentials(@NotBlank @Pattern(regexp = UNRESOLVED, message = UNSET) String username,
			@NotBlank @Pattern(regexp = UNRESOLVED, message = UNSET) String password) {

		// Anything but a value that is still a ${...} placeholder.
		static final String UNRESOLVED = "(?s)(?!.*\\$\\{).*";

		static final String UNSET = "names an environment variable that is not set";

		@Override
		public String toString() {
			return "Credentials[username=" + this.username + ", password=******]";
		}

	}

}
