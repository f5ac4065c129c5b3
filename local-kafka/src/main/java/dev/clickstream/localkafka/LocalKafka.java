package dev.clickstream.localkafka;

import org.slf4j.LoggerFactory;

/**
 * Runs one Kafka broker until SIGTERM or Ctrl-C: {@code java -jar local-kafka.jar --port=9092 --data-dir=.local/kafka}.
 */
public final class LocalKafka {

	/** Read by {@code log4j2.xml}; set before the first logger exists, so no static logger in this class. */
	static final String LOG_FILE_PROPERTY = "localkafka.log.file";

	private LocalKafka() {
	}

	public static void main(String[] args) {
		LocalKafkaSettings settings;
		try {
			settings = LocalKafkaSettings.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.println(LocalKafkaSettings.USAGE);
			System.exit(2);
			return;
		}
		System.setProperty(LOG_FILE_PROPERTY, settings.logFile().toString());

		LocalKafkaBroker broker = new LocalKafkaBroker(settings);
		Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "local-kafka-shutdown"));
		try {
			broker.start();
		}
		catch (RuntimeException ex) {
			LoggerFactory.getLogger(LocalKafka.class)
				.error("Kafka broker failed to start on {}; see {}", settings.bootstrapServers(), settings.logFile(), ex);
			System.exit(1);
		}
		broker.awaitShutdown();
	}

}
