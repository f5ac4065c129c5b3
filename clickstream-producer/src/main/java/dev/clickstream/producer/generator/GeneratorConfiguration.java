package dev.clickstream.producer.generator;

import dev.clickstream.model.SeedTime;
import dev.clickstream.producer.publishing.ClickEventPublisher;
import io.micrometer.core.instrument.MeterRegistry;

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

	@Bean
	GenerationSchedule generationSchedule(GeneratorProperties properties, TaskScheduler taskScheduler,
			ClickEventPublisher publisher, MeterRegistry registry) {
		publisher.registerProducedCounters(properties.eventNames());
		return new GenerationSchedule(taskScheduler, properties.tick(),
				new EmissionPlan(properties.rate(), properties.tick(), properties.limit()),
				new ClickEventGenerator(properties.eventNames(), SeedTime::now), publisher, properties.maxInFlight(),
				registry);
	}

}
