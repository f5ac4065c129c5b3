package dev.clickstream.producer.generator;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What the generator does and has done.
 *
 * @param model {@code shop} or {@code seed}
 * @param seed the seed of this run's sequence, configured or drawn at startup
 * @param seedConfigured whether the seed was configured, so that another run repeats the sequence
 * @param clock {@code wall} or {@code simulated}
 * @param rate events a second while not paused
 * @param paused whether the generator is paused
 * @param sent events handed to Kafka so far
 * @param acknowledged events the broker acknowledged so far
 * @param limit the number of events after which the generator stops, if any
 * @param expectedTotals with a limit, the totals per event name once the limit is reached, if every send succeeds
 */
public record GeneratorStatus(String model, long seed, boolean seedConfigured, String clock, long rate,
		boolean paused, long sent, long acknowledged, @Nullable Long limit,
		@Nullable Map<String, Long> expectedTotals) {

}
