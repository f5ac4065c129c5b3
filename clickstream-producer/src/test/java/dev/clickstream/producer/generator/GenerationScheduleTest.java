package dev.clickstream.producer.generator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Supplier;

import dev.clickstream.model.ClickEvent;
import dev.clickstream.model.MetricNames;
import dev.clickstream.producer.publishing.ClickEventPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.scheduling.TaskScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
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

	final List<ClickEvent> taken = new ArrayList<>();

	int inFlight;

	final SeedModel model = new SeedModel(List.of("purchase"), new SplittableRandom(1));

	final Supplier<ClickEvent> events = () -> this.model.next(Instant.parse("2026-01-01T00:00:00Z"));

	@BeforeEach
	void scheduledTasksAreStarted() {
		doReturn(this.scheduled).when(this.scheduler).scheduleAtFixedRate(any(Runnable.class), eq(TICK));
		// Takes every event it is asked for, as the publisher does while the producer accepts them; none is
		// acknowledged unless a test says so.
		given(this.publisher.publish(anyLong(), any())).willAnswer(invocation -> {
			long count = invocation.getArgument(0);
			Supplier<ClickEvent> events = invocation.getArgument(1);
			for (long i = 0; i < count; i++) {
				this.taken.add(events.get());
			}
			this.inFlight += (int) count;
			return count;
		});
		given(this.publisher.inFlight()).willAnswer(invocation -> this.inFlight);
	}

	@Test
	void sendsEachTicksEventsToThePublisher() {
		GenerationSchedule schedule = started(1000, new EmissionPlan(100, TICK, null));

		schedule.tick();
		schedule.tick();

		then(this.publisher).should(times(2)).publish(eq(10L), any());
		assertThat(this.taken).hasSize(20).allSatisfy(event -> assertThat(event.eventName()).isEqualTo("purchase"));
		assertThat(skippedEvents()).isZero();
	}

	@Test
	void skipsWhatExceedsMaxInFlightAndCountsIt() {
		GenerationSchedule schedule = started(1000, new EmissionPlan(100, TICK, null));
		this.inFlight = 996;

		schedule.tick();

		then(this.publisher).should().publish(eq(4L), any());
		assertThat(this.taken).hasSize(4);
		assertThat(skippedEvents()).isEqualTo(6);
		assertThat(this.registry.get(MetricNames.TICKS_SKIPPED).counter().count()).isEqualTo(1);
	}

	@Test
	void givesUpTheRestOfATickWhenTheProducerRefusesAndKeepsThemForTheLimit() {
		EmissionPlan plan = new EmissionPlan(100, TICK, 25L);
		GenerationSchedule schedule = started(1000, plan);
		// The first event was refused on the spot (and counted as failed by the publisher): the batch ended there.
		willReturn(1L).given(this.publisher).publish(anyLong(), any());

		schedule.tick();

		then(this.publisher).should().publish(eq(10L), any());
		assertThat(skippedEvents()).isEqualTo(9);
		assertThat(this.registry.get(MetricNames.TICKS_SKIPPED).counter().count()).isEqualTo(1);
		assertThat(plan.emitted()).isEqualTo(1);
		assertThat(plan.finished()).isFalse();
	}

	@Test
	void usesRoomFreedDuringATickForTheRestOfIt() {
		// 2,500 events due a tick, room for 1,000 at a time: the broker acknowledges each chunk before the next.
		GenerationSchedule schedule = started(1000, new EmissionPlan(25_000, TICK, null));
		given(this.publisher.inFlight()).willReturn(0);

		schedule.tick();

		then(this.publisher).should(times(2)).publish(eq(1000L), any());
		then(this.publisher).should().publish(eq(500L), any());
		assertThat(this.taken).hasSize(2500);
		assertThat(skippedEvents()).isZero();
	}

	@Test
	void stopsSendingBetweenChunksOnceStopped() {
		// 10,000 events due: the schedule is stopped while the first chunk is sent, as a shutdown would.
		GenerationSchedule schedule = started(1_000_000, new EmissionPlan(100_000, TICK, null));
		given(this.publisher.publish(anyLong(), any())).willAnswer(invocation -> {
			schedule.stop();
			return invocation.getArgument(0);
		});

		schedule.tick();

		then(this.publisher).should().publish(eq((long) GenerationSchedule.MAX_CHUNK), any());
		then(this.publisher).should().flush();
		assertThat(skippedEvents()).isEqualTo(10_000 - GenerationSchedule.MAX_CHUNK);
	}

	@Test
	void stopsTickingBeforeItFlushes() {
		GenerationSchedule schedule = started(1000, new EmissionPlan(100, TICK, null));

		schedule.stop();
		schedule.tick();

		var order = inOrder(this.scheduled, this.publisher);
		order.verify(this.scheduled).cancel(false);
		order.verify(this.publisher).flush();
		then(this.publisher).should(never()).publish(anyLong(), any());
		assertThat(schedule.isRunning()).isFalse();
	}

	@Test
	void makesNothingBeforeItIsStarted() {
		GenerationSchedule schedule = schedule(1000, new EmissionPlan(100, TICK, null));

		schedule.tick();

		then(this.publisher).should(never()).publish(anyLong(), any());
	}

	private GenerationSchedule started(int maxInFlight, EmissionPlan plan) {
		GenerationSchedule schedule = schedule(maxInFlight, plan);
		schedule.start();
		assertThat(schedule.isRunning()).isTrue();
		return schedule;
	}

	private GenerationSchedule schedule(int maxInFlight, EmissionPlan plan) {
		return new GenerationSchedule(this.scheduler, TICK, plan, this.events, this.publisher, maxInFlight,
				this.registry);
	}

	private double skippedEvents() {
		return this.registry.get(MetricNames.EVENTS_SKIPPED).counter().count();
	}

}
