package dev.clickstream.producer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;

import dev.clickstream.model.MetricNames;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every counter that can exist ahead of its first count is scraped at 0 from the start: Prometheus' {@code rate()}
 * and {@code increase()} see no step from "no series" to the first count.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
				"clickstream.generator.model=seed", "clickstream.generator.event-names=purchase,wishlist", "logging.level.kafka=WARN",
				"logging.level.org.apache.kafka=WARN", "logging.level.state.change.logger=WARN" })
@EmbeddedKafka
@DirtiesContext
class ClickstreamProducerMetersAtStartupTest {

	// The generator's ticks never run, so nothing is sent, acknowledged or skipped: every count is its start.
	@MockitoBean
	TaskScheduler scheduler;

	@Value("${local.server.port}")
	int port;

	@Test
	void scrapesTheProducedCounterOfEveryConfiguredNameAndTheSkippedCountersAtZero() throws Exception {
		HttpResponse<String> scrape = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/prometheus")).build(),
					HttpResponse.BodyHandlers.ofString());

		assertThat(scrape.statusCode()).isEqualTo(200);
		assertThat(scrape.body()).containsPattern(atZero(MetricNames.EVENTS_PRODUCED, "purchase"))
			.containsPattern(atZero(MetricNames.EVENTS_PRODUCED, "wishlist"))
			.containsPattern(atZero(MetricNames.EVENTS_SKIPPED, null))
			.containsPattern(atZero(MetricNames.TICKS_SKIPPED, null))
			// Only the configured names: the default list is not registered besides them.
			.doesNotContain(MetricNames.EVENT_NAME + "=\"productview\"");
	}

	/** A counter's line in Prometheus' text format, e.g. {@code clickstream_events_produced_total{eventName="purchase"} 0.0}. */
	private static Pattern atZero(String counter, @Nullable String eventName) {
		String name = Pattern.quote(counter.replace('.', '_').replace('-', '_') + "_total");
		String tags = (eventName != null)
				? "\\{[^}]*" + MetricNames.EVENT_NAME + "=\"" + Pattern.quote(eventName) + "\"[^}]*\\}" : "(\\{[^}]*\\})?";
		return Pattern.compile("(?m)^" + name + tags + " 0\\.0$");
	}

}
