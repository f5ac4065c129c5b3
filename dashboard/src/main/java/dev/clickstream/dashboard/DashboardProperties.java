package dev.clickstream.dashboard;

import java.net.URI;
import java.time.Duration;

import dev.clickstream.kafka.PositiveDuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the live dashboard.
 *
 * @param enabled whether the dashboard runs: off, its page and its {@code /api/dashboard} and {@code /api/topics}
 * paths are not served, and it neither samples nor reads anything
 * @param producerUrl where the click-stream producer answers, for its count of produced events; empty to not ask it
 * @param producerTimeout how long one request for the producer's figures may take before it counts as unreachable
 * @param producerPollInterval how often the producer's figures are fetched
 * @param history how far back the chart of rates goes, for a browser that connects now
 * @param refresh how often connected browsers get the figures when no new snapshot arrives
 * @param idleAfter with no new snapshot for this long, the rates are shown as zero
 * @param maxClients how many browsers may follow the stream at once; more are turned away with 503
 * @param streamTimeout how long one stream stays open; the browser then reconnects on its own and gets the history
 * anew
 * @param browser the topic browser, {@code /api/topics/{name}/records}
 * @param rates the rates of every topic and consumer group from Kafka's own offsets, {@code /api/topics/rates}
 * @param late the late events per window they missed, from the late-events topic, {@code /api/topics/late}
 */
@Validated
@ConfigurationProperties("clickstream.dashboard")
public record DashboardProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("http://localhost:8080") String producerUrl,
		@DefaultValue("1s") @PositiveDuration Duration producerTimeout,
		@DefaultValue("1s") @PositiveDuration Duration producerPollInterval,
		@DefaultValue("5m") @PositiveDuration Duration history, @DefaultValue("1s") @PositiveDuration Duration refresh,
		@DefaultValue("5s") @PositiveDuration Duration idleAfter, @DefaultValue("50") @Min(1) @Max(10_000) int maxClients,
		@DefaultValue("30m") @PositiveDuration Duration streamTimeout, @Valid @DefaultValue Browser browser,
		@Valid @DefaultValue Rates rates, @Valid @DefaultValue Late late) {

	public DashboardProperties {
		producerUrl = producerUrl.strip().replaceAll("/+$", "");
		if (!producerUrl.isEmpty() && !producerUrl.matches("https?://[^/?#\\s]+(/[^?#\\s]*)?")) {
			throw new IllegalArgumentException(
					"clickstream.dashboard.producer-url must be an http(s) URL such as http://localhost:8080, or empty, was "
							+ producerUrl);
		}
	}

	/** The producer's base URL, or none if it is not to be asked. */
	@Nullable URI producerUri() {
		return this.producerUrl.isEmpty() ? null : URI.create(this.producerUrl);
	}

	/**
	 * @param maxRecords the most records one request may ask for; each read of a topic takes this many of its newest
	 * records, and every request for the topic within {@code cache} is answered from that read
	 * @param maxValueChars a value in a list of records is cut after this many characters (and marked truncated); a
	 * record asked for by its partition and offset comes whole
	 * @param cache how long one read of a topic's newest records answers every request for them
	 * @param timeout how long a request waits for a free reader, and then how long one read may take, before the
	 * request gets 503
	 * @param maxConcurrentReads how many reads of Kafka the browser runs at once, over all topics, and so how many
	 * consumers it keeps between reads
	 */
	public record Browser(@DefaultValue("100") @Min(1) @Max(1_000) int maxRecords,
			@DefaultValue("1000") @Min(16) @Max(1_000_000) int maxValueChars,
			@DefaultValue("1s") @PositiveDuration Duration cache, @DefaultValue("5s") @PositiveDuration Duration timeout,
			@DefaultValue("2") @Min(1) @Max(64) int maxConcurrentReads) {
	}

	/**
	 * @param interval how often the topics' end offsets and log sizes and the groups' committed offsets are sampled;
	 * each rate spans two successive samples
	 * @param history how far back the rates' history goes
	 * @param timeout how long one sample may take before it counts as failed
	 */
	public record Rates(@DefaultValue("5s") @PositiveDuration Duration interval,
			@DefaultValue("5m") @PositiveDuration Duration history,
			@DefaultValue("5s") @PositiveDuration Duration timeout) {
	}

	/**
	 * @param history how far back, in the records' timestamps, the count starts when the service starts: the
	 * late-events topic is read from its first record written that long ago or later
	 * @param maxWindows how many windows the count keeps, the newest by start; a late event for an older one counts
	 * in the total only
	 * @param timeout how long finding the topic's partitions and where to start reading them may take before the try
	 * counts as failed and is made again
	 */
	public record Late(@DefaultValue("2h") @PositiveDuration Duration history,
			@DefaultValue("120") @Min(1) @Max(100_000) int maxWindows,
			@DefaultValue("5s") @PositiveDuration Duration timeout) {
	}

}
