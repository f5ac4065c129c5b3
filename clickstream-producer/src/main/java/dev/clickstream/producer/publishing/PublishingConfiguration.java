package dev.clickstream.producer.publishing;

import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PublishingConfiguration {

	/** How long closing the producer may wait for a broker that is away, after the flush has had its turn. */
	static final int CLOSE_TIMEOUT_SECONDS = 5;

	// The default of 30 s, after timeout-per-shutdown-phase (15 s) spent flushing, would outlast a container's
	// 30 s grace period and end in SIGKILL; 5 s keeps the whole shutdown inside it.
	@Bean
	DefaultKafkaProducerFactoryCustomizer boundedProducerClose() {
		return factory -> factory.setPhysicalCloseTimeout(CLOSE_TIMEOUT_SECONDS);
	}

}
