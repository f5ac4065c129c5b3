package dev.clickstream.producer.generator;

import java.util.Locale;
import java.util.SplittableRandom;

import dev.clickstream.producer.publishing.ClickEventPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.EnableScheduling;

// @EnableScheduling for Boot's TaskScheduler (spring.task.scheduling.*), which GenerationSchedule drives itself:
// its period is the validated Duration, and it must stop before the producer is flushed.
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(GeneratorProperties.class)
class GeneratorConfiguration {

	private static final Logger log = LoggerFactory.getLogger(GeneratorConfiguration.class);

	@Bean
	Traffic traffic(GeneratorProperties properties) {
		Long configured = properties.seed();
		long seed = configured != null ? configured : new SplittableRandom().nextLong();
		log.info("Generating the {} model's traffic from seed {}{}", properties.model().name().toLowerCase(Locale.ROOT), seed,
				configured != null ? "" : " (drawn at random; set clickstream.generator.seed to repeat this run)");
		return new Traffic(properties, seed);
	}

	@Bean
	EmissionPlan emissionPlan(GeneratorProperties properties) {
		return new EmissionPlan(properties.rate(), properties.tick(), properties.limit());
	}

	@Bean
	GenerationSchedule generationSchedule(GeneratorProperties properties, Traffic traffic, EmissionPlan plan,
			TaskScheduler taskScheduler, ClickEventPublisher publisher, MeterRegistry registry) {
		publisher.registerProducedCounters(traffic.eventNames());
		return new GenerationSchedule(taskScheduler, properties.tick(), plan, traffic.events(plan::rate), publisher,
				properties.maxInFlight(), registry);
	}

	@Bean
	GeneratorControl generatorControl(GeneratorProperties properties, Traffic traffic, EmissionPlan plan,
			ClickEventPublisher publisher) {
		return new GeneratorControl(properties, traffic, plan, publisher::acknowledged);
	}

}
