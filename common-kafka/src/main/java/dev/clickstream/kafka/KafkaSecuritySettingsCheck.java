package dev.clickstream.kafka;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

/**
 * Stops the start-up, naming what to set, when the Kafka clients' security settings cannot work: a setting that
 * refers to an environment variable that is not set, or a truststore that cannot be read. Spring Boot binds
 * {@code password="${KAFKA_PASSWORD}"} as that very text when the variable is missing, and a truststore is first
 * opened by the first Kafka client: without this check the one would show as refused credentials, the other as a
 * client that cannot be created, again and again, rather than as the setting that is missing.
 */
final class KafkaSecuritySettingsCheck {

	private static final String[] PREFIXES = { "spring.kafka.", "spring.ssl.bundle." };

	// ${NAME} or ${NAME:default}; only the first has to be set.
	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)(:?)");

	KafkaSecuritySettingsCheck(ConfigurableEnvironment environment, KafkaProperties kafkaProperties,
			@Nullable SslBundles sslBundles) {
		checkVariables(environment);
		checkBundle(kafkaProperties.getSsl().getBundle(), sslBundles);
	}

	static void checkVariables(ConfigurableEnvironment environment) {
		// Only the value that wins counts: a placeholder in a value that a later source overrides is never used.
		Set<String> seen = new HashSet<>();
		for (PropertySource<?> source : environment.getPropertySources()) {
			if (!(source instanceof EnumerablePropertySource<?> enumerable)) {
				continue;
			}
			for (String name : enumerable.getPropertyNames()) {
				if (isChecked(name) && seen.add(name) && enumerable.getProperty(name) instanceof CharSequence raw) {
					String unset = unsetVariable(raw.toString(), environment);
					if (unset != null) {
						throw new InvalidKafkaSecuritySettingException(
								"The property " + name + " refers to the environment variable " + unset
										+ ", which is not set.",
								"Set the environment variable " + unset + " (see docs/security-services.md).");
					}
				}
			}
		}
	}

	private static boolean isChecked(String name) {
		for (String prefix : PREFIXES) {
			if (name.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	private static @Nullable String unsetVariable(String raw, ConfigurableEnvironment environment) {
		Matcher placeholder = PLACEHOLDER.matcher(raw);
		while (placeholder.find()) {
			boolean hasDefault = !placeholder.group(2).isEmpty();
			if (!hasDefault && !environment.containsProperty(placeholder.group(1))) {
				return placeholder.group(1);
			}
		}
		return null;
	}

	static void checkBundle(@Nullable String bundle, @Nullable SslBundles sslBundles) {
		if (bundle == null || bundle.isBlank() || sslBundles == null) {
			return;
		}
		try {
			sslBundles.getBundle(bundle).getStores().getTrustStore();
		}
		catch (RuntimeException ex) {
			throw new InvalidKafkaSecuritySettingException(
					"The truststore of the SSL bundle '" + bundle + "' (spring.kafka.ssl.bundle) cannot be read: "
							+ messages(ex) + ".",
					"Point KAFKA_TRUSTSTORE at a readable PKCS12 truststore with the broker's CA, and set "
							+ "KAFKA_TRUSTSTORE_PASSWORD to its password.");
		}
	}

	private static String messages(Throwable failure) {
		StringBuilder messages = new StringBuilder(String.valueOf(failure.getMessage()));
		for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
			// Wrappers often repeat their cause's message.
			if (cause.getMessage() != null && !messages.toString().contains(cause.getMessage())) {
				messages.append(": ").append(cause.getMessage());
			}
		}
		return messages.toString();
	}

	static class InvalidKafkaSecuritySettingException extends IllegalStateException {

		private final String action;

		InvalidKafkaSecuritySettingException(String description, String action) {
			super(description);
			this.action = action;
		}

		String action() {
			return this.action;
		}

	}

}
