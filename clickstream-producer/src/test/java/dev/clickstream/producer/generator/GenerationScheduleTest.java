package dev.clickstream.producer.generator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

import dev.clickstream.model.ClickEvent;
import dev.clickstream.producer.publishing.ClickEventPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.scheduling.TaskScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willReturn;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;

class GenerationScheduleTest {

	static final Duration TICK = Duration.ofMillis(100);

	final TaskScheduler scheduler = mock();

	final ScheduledFuture<?> scheduled = mock();

	final ClickEventPublisher publisher = mock();

	final MeterRegistry registry = new SimpleMeterRegistry();

	final ClickEventGenerator generator = new ClickEventGenerator(List.of("purchase"),
			() -> Instant.parse("2026-01-01T00:00:00Z"));

	@BeforeEach
	void scheduledTasksAreStarted() {
		doReturn(this.scheduled).when(this.scheduler).scheduleAtFixedRate(any(Runnable.class), eq(TICK));
		given(this.publisher.publish(any())).willReturn(true);
	}

	@Test
	void sendsEachTicksEventsToThePublisher() {
		GenerationSchedule schedule = started(1000, new EmissionPlan(100, TICK, null));

		schedule.tick();
		schedule.tick();

		then(this.publisher).should(times(20)).publish(any(ClickEvent.class));
		assertThat(skippedEvents()).isZero();
	}

	@Test
	void skipsWhatExceedsMaxInFlightAndCountsIt() {
		GenerationSchedule schedule = started(1000, new EmissionPlan(100, TICK, null));
		given(this.publisher.inFlight()).willReturn(996);

		schedule.tick();

		then(this.publisher).should(times(4)).publish(any(ClickEvent.class));
		assertThat(skippedEvents()).isEqualTo(6);
		assertThat(this.registry.get("clickstream.generator.ticks.skipped").counter().count()).isEqualTo(1);
	}

	@Test
	void givesUpTheRestOfATickWhenTheProducerRefusesAndKeepsThemForTheLimit() {
		EmissionPlan plan = new EmissionPlan(100, TICK, 25L);
		GenerationSchedule schedule = started(1000, plan);
		willReturn(false).given(this.publisher).publish(any());

		schedule.tick();

		then(this.publisher).should(times(1)).publish(any(ClickEvent.class));
		assertThat(skippedEvents()).isEqualTo(9);
		assertThat(this.registry.get("clickstream.generator.ticks.skipped").counter().count()).isEqualTo(1);
		assertThat(plan.emitted()).isEqualTo(1);
		assertThat(plan.finished()).isFalse();
	}

	@Test
	void stopsTickingBeforeItFlushes() {
		GenerationSchedule schedule = started(1000, new EmissionPlan(100, TICK, null));

		schedule.stop();
		schedule.tick();

		var order = inOrder(this.scheduled, this.publisher);
		order.verify(this.scheduled).cancel(false);
		order.verify(this.publisher).flush();
		then(this.publisher).should(never()).publish(any());
		assertThat(schedule.isRunning()).isFalse();
	}

	@Test
	void makesNothingBeforeItIsStarted() {
		GenerationSchedule schedule = schedule(1000, new EmissionPlan(100, TICK, null));

		schedule.tick();

		then(this.publisher).should(never()).publish(any());
	}

	private GenerationSchedule started(int maxInFlight, EmissionPlan plan) {
		GenerationSchedule schedule = schedule(maxInFlight, plan);
		schedule.start();
		assertThat(schedule.isRunning()).isTrue();
		return schedule;
	}

	private GenerationSchedule schedule(int maxInFlight, EmissionPlan plan) {
		return new GenerationSchedule(this.scheduler, TICK, plan, this.generator, this.publisher, maxInFlight,
				this.registry);
	}

	private double skippedEvents() {
		return this.registry.get("clickstream.events.skipped").counter().count();
	}

}
