package dev.clickstream.kafka;

import java.util.List;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * Refuses a bootstrap address that is not {@code host:port}, at startup, with one message naming the property,
 * instead of a Kafka client's stack trace later.
 */
final class BootstrapServersCheck {

	static final String PROPERTY = "spring.kafka.bootstrap-servers";

	BootstrapServersCheck(KafkaProperties kafkaProperties) {
		check(kafkaProperties.getBootstrapServers());
	}

	static void check(List<String> bootstrapServers) {
		if (bootstrapServers.isEmpty()) {
			throw new InvalidBootstrapServersException(String.valueOf(bootstrapServers), "it is empty");
		}
		for (String address : bootstrapServers) {
			String trimmed = address.trim();
			int colon = trimmed.lastIndexOf(':');
			if (colon <= 0 || colon == trimmed.length() - 1) {
				throw new InvalidBootstrapServersException(String.join(",", bootstrapServers),
						"'" + trimmed + "' is not host:port");
			}
			String host = trimmed.substring(0, colon);
			String port = trimmed.substring(colon + 1);
			if (!host.matches("[A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.]+\\]") || !port.matches("\\d{1,5}")
					|| Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
				throw new InvalidBootstrapServersException(String.join(",", bootstrapServers),
						"'" + trimmed + "' is not host:port with a port from 1 to 65535");
			}
		}
	}

	static class InvalidBootstrapServersException extends IllegalArgumentException {

		private final String value;

		private final String reason;

		InvalidBootstrapServersException(String value, String reason) {
			super(PROPERTY + " is '" + value + "': " + reason);
			this.value = value;
			this.reason = reason;
		}

		String value() {
			return this.value;
		}

		String reason() {
			return this.reason;
		}

	}

}
