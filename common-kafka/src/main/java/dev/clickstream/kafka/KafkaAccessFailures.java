package dev.clickstream.kafka;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.jspecify.annotations.Nullable;

/**
 * Says in one sentence, naming the principal and the setting to check, why Kafka turned a client away: credentials
 * it refused, a broker certificate the truststore does not trust, or ACLs that do not allow an operation. These need
 * a person, where a broker that is away comes back by itself, so they are told apart from it.
 */
public final class KafkaAccessFailures {

	private static final Pattern USERNAME = Pattern.compile("username\\s*=\\s*\"([^\"]*)\"");

	private KafkaAccessFailures() {
	}

	/**
	 * @param failure what a Kafka client threw, as it came (wrappers and all)
	 * @param clientConfig the client's configuration, for the principal's name
	 * @return why Kafka turned the client away, or null if the failure is not an authentication or authorization
	 * failure
	 */
	public static @Nullable String describe(Throwable failure, Map<String, ?> clientConfig) {
		String principal = principal(clientConfig);
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SaslAuthenticationException) {
				return "Kafka refused the credentials of principal " + principal
						+ " (SASL authentication failed): check KAFKA_USERNAME and KAFKA_PASSWORD";
			}
			if (cause instanceof SslAuthenticationException) {
				return "TLS handshake with the broker failed (" + deepest(cause).getMessage()
						+ "): check that the truststore KAFKA_TRUSTSTORE holds the CA that signed the broker's certificate";
			}
			if (cause instanceof AuthenticationException) {
				return "Kafka refused to authenticate principal " + principal + ": " + cause.getMessage();
			}
			if (cause instanceof TopicAuthorizationException topics) {
				return "Principal " + principal + " is not allowed to use the topics " + topics.unauthorizedTopics()
						+ ": the broker's ACLs must allow it";
			}
			if (cause instanceof GroupAuthorizationException group) {
				return "Principal " + principal + " is not allowed to use the consumer group " + group.groupId()
						+ ": the broker's ACLs must allow it";
			}
			if (cause instanceof TransactionalIdAuthorizationException) {
				return "Principal " + principal + " is not allowed to use its transactional id: the broker's ACLs must "
						+ "allow it (" + cause.getMessage() + ")";
			}
			if (cause instanceof ClusterAuthorizationException) {
				return "Principal " + principal + " lacks a permission on the cluster: the broker's ACLs must allow it ("
						+ cause.getMessage() + ")";
			}
			if (cause instanceof AuthorizationException) {
				return "Principal " + principal + " is not allowed this operation: " + cause.getMessage();
			}
		}
		return null;
	}

	private static String principal(Map<String, ?> clientConfig) {
		Object jaas = clientConfig.get(SaslConfigs.SASL_JAAS_CONFIG);
		if (jaas != null) {
			// The Password type's toString() is "[hidden]"; its value() is the configuration.
			String text = (jaas instanceof Password password) ? password.value()
					: jaas.toString();
			Matcher username = USERNAME.matcher(text);
			if (username.find()) {
				return "'" + username.group(1) + "'";
			}
		}
		return "ANONYMOUS (no SASL user configured)";
	}

	private static Throwable deepest(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

}
