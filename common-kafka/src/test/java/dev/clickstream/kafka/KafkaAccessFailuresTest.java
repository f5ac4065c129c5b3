package dev.clickstream.kafka;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import javax.net.ssl.SSLHandshakeException;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaAccessFailuresTest {

	private static final Map<String, Object> PRODUCER = Map.of("sasl.jaas.config",
			"org.apache.kafka.common.security.scram.ScramLoginModule required username=\"clickstream-producer\" "
					+ "password=\"not-shown\";");

	@Test
	void refusedCredentialsNameThePrincipalAndTheVariablesUnderTheWrappers() {
		Exception failure = new KafkaException("Failed to create topics",
				new ExecutionException(new SaslAuthenticationException("Authentication failed during authentication "
						+ "due to invalid credentials with SASL mechanism SCRAM-SHA-512")));

		assertThat(KafkaAccessFailures.describe(failure, PRODUCER)).isEqualTo(
				"Kafka refused the credentials of principal 'clickstream-producer' (SASL authentication failed): "
						+ "check KAFKA_USERNAME and KAFKA_PASSWORD")
			.doesNotContain("not-shown");
	}

	@Test
	void readsThePrincipalFromAPasswordTypedJaasConfiguration() {
		Map<String, Object> config = Map.of("sasl.jaas.config",
				new Password("ScramLoginModule required username=\"event-listener\" password=\"x\";"));

		assertThat(KafkaAccessFailures.describe(new SaslAuthenticationException("refused"), config))
			.contains("principal 'event-listener'");
	}

	@Test
	void anUntrustedBrokerNamesTheTruststoreAndTheHandshakesReason() {
		Exception failure = new SslAuthenticationException("SSL handshake failed",
				new SSLHandshakeException("PKIX path building failed"));

		assertThat(KafkaAccessFailures.describe(failure, PRODUCER)).startsWith("TLS handshake with the broker failed")
			.contains("PKIX path building failed")
			.contains("KAFKA_TRUSTSTORE");
	}

	@Test
	void missingAclsNameWhatIsNotAllowed() {
		assertThat(KafkaAccessFailures.describe(new TopicAuthorizationException(Set.of("event-topic")), PRODUCER))
			.isEqualTo("Principal 'clickstream-producer' is not allowed to use the topics [event-topic]: the broker's "
					+ "ACLs must allow it");
		assertThat(KafkaAccessFailures.describe(new GroupAuthorizationException("denied", "event-listener"), PRODUCER))
			.contains("consumer group event-listener");
		assertThat(KafkaAccessFailures.describe(new TransactionalIdAuthorizationException("denied"), PRODUCER))
			.contains("transactional id");
		assertThat(KafkaAccessFailures.describe(new ClusterAuthorizationException("denied"), PRODUCER))
			.contains("permission on the cluster");
	}

	@Test
	void aBrokerThatIsAwayIsNotAnAccessFailure() {
		assertThat(KafkaAccessFailures.describe(new TimeoutException("Timed out waiting for a node"), PRODUCER))
			.isNull();
	}

	@Test
	void withoutSaslThePrincipalIsAnonymous() {
		assertThat(KafkaAccessFailures.describe(new TopicAuthorizationException(Set.of("t")), Map.of()))
			.contains("ANONYMOUS");
	}

}
