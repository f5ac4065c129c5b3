package dev.clickstream.localkafka;

import java.nio.file.Path;

/**
 * What the launcher is told on its command line.
 *
 * @param host the address both listeners bind to and the broker advertises
 * @param port the port clients connect to
 * @param controllerPort the port of the KRaft controller listener
 * @param dataDir where the configuration, the log segments and the metadata log live; formatted on first use
 * @param logFile where the broker's own log goes; the console gets warnings only
 * @param security how clients connect and what they may do
 */
record LocalKafkaSettings(String host, int port, int controllerPort, Path dataDir, Path logFile, Security security) {

	static final String USAGE = """
			usage: java -jar local-kafka.jar [--port=9092] [--controller-port=9093] [--host=127.0.0.1]
			                                 [--data-dir=.local/kafka] [--log-file=<data-dir>/broker.log]
			                                 [--security=plaintext|sasl-ssl]
			  --security=sasl-ssl  clients connect over TLS and log in with SCRAM-SHA-512, each user only allowed
			                       what its service needs; the data dir's secured/ holds the generated truststore,
			                       CA certificate and passwords. A data dir keeps the mode it was formatted with.""";

	/** How clients connect to the broker. */
	enum Security {

		/** No TLS, no login, no authorization: anyone who reaches the port may do anything. */
		PLAINTEXT("plaintext"),
		/** TLS, SCRAM-SHA-512 logins and ACLs. */
		SASL_SSL("sasl-ssl");

		private final String option;

		Security(String option) {
			this.option = option;
		}

		String option() {
			return option;
		}

		static Security of(String option) {
			for (Security security : values()) {
				if (security.option.equals(option)) {
					return security;
				}
			}
			throw new IllegalArgumentException("--security needs plaintext or sasl-ssl, got: " + option);
		}

	}

	String bootstrapServers() {
		return host + ":" + port;
	}

	String controllerEndpoint() {
		return host + ":" + controllerPort;
	}

	/** @throws IllegalArgumentException on an unknown option or a value that is not a port */
	static LocalKafkaSettings parse(String... args) {
		String host = "127.0.0.1";
		int port = 9092;
		int controllerPort = 9093;
		Path dataDir = Path.of(".local", "kafka");
		Path logFile = null;
		Security security = Security.PLAINTEXT;
		for (String arg : args) {
			int equals = arg.indexOf('=');
			if (!arg.startsWith("--") || equals < 0) {
				throw new IllegalArgumentException("expected --name=value, got: " + arg);
			}
			String name = arg.substring(2, equals);
			String value = arg.substring(equals + 1);
			switch (name) {
				case "host" -> host = value;
				case "port" -> port = port(name, value);
				case "controller-port" -> controllerPort = port(name, value);
				case "data-dir" -> dataDir = Path.of(value);
				case "log-file" -> logFile = Path.of(value);
				case "security" -> security = Security.of(value);
				default -> throw new IllegalArgumentException("unknown option: --" + name);
			}
		}
		if (port == controllerPort) {
			throw new IllegalArgumentException("--port and --controller-port must differ, both are " + port);
		}
		dataDir = dataDir.toAbsolutePath().normalize();
		logFile = (logFile != null) ? logFile.toAbsolutePath().normalize() : dataDir.resolve("broker.log");
		return new LocalKafkaSettings(host, port, controllerPort, dataDir, logFile, security);
	}

	private static int port(String name, String value) {
		try {
			int port = Integer.parseInt(value);
			if (port > 0 && port < 65536) {
				return port;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException("--" + name + " needs a port number (1-65535), got: " + value);
	}

}
