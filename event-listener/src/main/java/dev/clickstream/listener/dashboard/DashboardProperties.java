package dev.clickstream.listener.dashboard;

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
 * @param producerUrl where the click-stream producer answers, for its count of produced events; empty to not ask it
 * @param producerTimeout how long one request for the producer's figures may take before it counts as unreachable
 * @param producerPollInterval how often the producer's figures are fetched
 * @param history how far back the chart of rates goes, for a browser that connects now
 * @param refresh how often connected browsers get the figures when no new snapshot arrives
 * @param idleAfter with no new snapshot for this long, the rates are shown as zero
 * @param maxClients how many browsers may follow the stream at once; more are turned away with 503
 * @param streamTimeout how long one stream stays open; the browser then reconnects on its own and gets the history
 * anew
 * @param rates the rates of every topic and consumer group from Kafka's own offsets, {@code /api/topics/rates}
 */
@Validated
@ConfigurationProperties("clickstream.dashboard")
public record DashboardProperties(@DefaultValue("http://localhost:8080") String producerUrl,
		@DefaultValue("1s") @PositiveDuration Duration producerTimeout,
		@DefaultValue("1s") @PositiveDuration Duration producerPollInterval,
		@DefaultValue("5m") @PositiveDuration Duration history, @DefaultValue("1s") @PositiveDuration Duration refresh,
		@DefaultValue("5s") @PositiveDuration Duration idleAfter, @DefaultValue("50") @Min(1) @Max(10_000) int maxClients,
		@DefaultValue("30m") @PositiveDuration Duration streamTimeout, @Valid @DefaultValue Rates rates) {

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
	 * @param interval how often the topics' end offsets and log sizes and the groups' committed offsets are sampled;
	 * each rate spans two successive samples
	 * @param history how far back the rates' history goes
	 * @param timeout how long one sample may take before it counts as failed
	 */
	public record Rates(@DefaultValue("5s") @PositiveDuration Duration interval,
			@DefaultValue("5m") @PositiveDuration Duration history,
			@DefaultValue("5s") @PositiveDuration Duration timeout) {
	}

}
