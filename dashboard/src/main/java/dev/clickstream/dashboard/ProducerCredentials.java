package dev.clickstream.dashboard;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The user the dashboard gives the producer, with HTTP Basic, for its generator and its metrics, when the producer
 * asks for one (the {@code secured} profile). Neither set: requests go without credentials, as to an open producer.
 *
 * @param username the producer's operator
 * @param password the producer's operator's password
 */
@Validated
@ConfigurationProperties("clickstream.dashboard.producer-credentials")
public record ProducerCredentials(@Nullable @Pattern(regexp = UNRESOLVED, message = UNSET) String username,
		@Nullable @Pattern(regexp = UNRESOLVED, message = UNSET) String password) {

	// A ${...} placeholder whose variable is not set reaches the binder as it is written.
	static final String UNRESOLVED = "(?s)(?!.*\\$\\{).*";

	static final String UNSET = "names an environment variable that is not set";

	public ProducerCredentials {
		if ((username == null) != (password == null)) {
			throw new IllegalArgumentException("clickstream.dashboard.producer-credentials needs both a username and "
					+ "a password, or neither");
		}
	}

	/** No credentials: the producer is asked as it is open. */
	static ProducerCredentials none() {
		return new ProducerCredentials(null, null);
	}

	/** The request, with the credentials when there are any. */
	HttpRequest.Builder authorize(HttpRequest.Builder request) {
		if (this.username == null || this.password == null) {
			return request;
		}
		String token = Base64.getEncoder()
			.encodeToString((this.username + ":" + this.password).getBytes(StandardCharsets.UTF_8));
		return request.header("Authorization", "Basic " + token);
	}

	@Override
	public String toString() {
		return "ProducerCredentials[username=" + this.username + ", password="
				+ ((this.password != null) ? "******" : null) + "]";
	}

}
