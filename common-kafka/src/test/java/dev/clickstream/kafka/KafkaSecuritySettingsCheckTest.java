package dev.clickstream.kafka;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.jks.JksSslStoreBundle;
import org.springframework.boot.ssl.jks.JksSslStoreDetails;
import org.springframework.core.env.MapPropertySource;
import org.springframework.mock.env.MockEnvironment;

import dev.clickstream.kafka.KafkaSecuritySettingsCheck.InvalidKafkaSecuritySettingException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class KafkaSecuritySettingsCheckTest {

	private static final String JAAS = "spring.kafka.properties[sasl.jaas.config]";

	@Test
	void aPasswordVariableThatIsNotSetStopsTheStartNamingIt() {
		MockEnvironment environment = new MockEnvironment().withProperty(JAAS,
				"ScramLoginModule required username=\"${KAFKA_USERNAME:clickstream-producer}\" "
						+ "password=\"${KAFKA_PASSWORD}\";");

		assertThatExceptionOfType(InvalidKafkaSecuritySettingException.class)
			.isThrownBy(() -> KafkaSecuritySettingsCheck.checkVariables(environment))
			.withMessage("The property " + JAAS + " refers to the environment variable KAFKA_PASSWORD, which is not set.")
			.satisfies((ex) -> assertThat(ex.action()).contains("KAFKA_PASSWORD"));
	}

	@Test
	void setVariablesAndDefaultsPass() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty(JAAS, "username=\"${KAFKA_USERNAME:clickstream-producer}\" password=\"${KAFKA_PASSWORD}\";")
			.withProperty("KAFKA_PASSWORD", "secret");

		assertThatCode(() -> KafkaSecuritySettingsCheck.checkVariables(environment)).doesNotThrowAnyException();
	}

	@Test
	void aTruststoreVariableThatIsNotSetStopsTheStartNamingIt() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("spring.ssl.bundle.jks.kafka.truststore.location", "file:${KAFKA_TRUSTSTORE}");

		assertThatExceptionOfType(InvalidKafkaSecuritySettingException.class)
			.isThrownBy(() -> KafkaSecuritySettingsCheck.checkVariables(environment))
			.withMessageContaining("KAFKA_TRUSTSTORE");
	}

	@Test
	void aPlaceholderInAValueThatIsOverriddenDoesNotCount() {
		MockEnvironment environment = new MockEnvironment().withProperty(JAAS, "password=\"${KAFKA_PASSWORD}\";");
		environment.getPropertySources()
			.addFirst(new MapPropertySource("overrides", Map.of(JAAS, "given")));

		assertThatCode(() -> KafkaSecuritySettingsCheck.checkVariables(environment)).doesNotThrowAnyException();
	}

	@Test
	void otherPropertiesAreNotItsConcern() {
		MockEnvironment environment = new MockEnvironment().withProperty("clickstream.other", "${NOT_SET}");

		assertThatCode(() -> KafkaSecuritySettingsCheck.checkVariables(environment)).doesNotThrowAnyException();
	}

	@Test
	void aTruststoreWithTheWrongPasswordStopsTheStart(@TempDir Path directory) throws Exception {
		Path truststore = directory.resolve("truststore.p12");
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(null, null);
		try (OutputStream out = Files.newOutputStream(truststore)) {
			store.store(out, "right".toCharArray());
		}
		DefaultSslBundleRegistry bundles = new DefaultSslBundleRegistry();
		bundles.registerBundle("kafka", SslBundle.of(new JksSslStoreBundle(null,
				new JksSslStoreDetails("PKCS12", null, "file:" + truststore, "wrong"))));

		assertThatExceptionOfType(InvalidKafkaSecuritySettingException.class)
			.isThrownBy(() -> KafkaSecuritySettingsCheck.checkBundle("kafka", bundles))
			.withMessageContaining("The truststore of the SSL bundle 'kafka'")
			.withMessageContaining("truststore.p12")
			.satisfies((ex) -> assertThat(ex.action()).contains("KAFKA_TRUSTSTORE_PASSWORD"));
	}

	@Test
	void aMissingTruststoreStopsTheStart(@TempDir Path directory) {
		DefaultSslBundleRegistry bundles = new DefaultSslBundleRegistry();
		bundles.registerBundle("kafka", SslBundle.of(new JksSslStoreBundle(null,
				new JksSslStoreDetails("PKCS12", null, "file:" + directory.resolve("absent.p12"), "x"))));

		assertThatExceptionOfType(InvalidKafkaSecuritySettingException.class)
			.isThrownBy(() -> KafkaSecuritySettingsCheck.checkBundle("kafka", bundles))
			.withMessageContaining("absent.p12");
	}

	@Test
	void noBundleNothingToRead() {
		assertThatCode(() -> KafkaSecuritySettingsCheck.checkBundle(null, new DefaultSslBundleRegistry()))
			.doesNotThrowAnyException();
	}

}
