package dev.clickstream.producer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The running generator read and steered over HTTP, as the dashboard and a user with curl do. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
				"clickstream.generator.rate=" + GeneratorControlHttpTest.SLOW, "clickstream.generator.seed=77",
				"logging.level.kafka=WARN", "logging.level.org.apache.kafka=WARN",
				"logging.level.state.change.logger=WARN" })
@EmbeddedKafka
@DirtiesContext
class GeneratorControlHttpTest {

	static final int SLOW = 20;

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@Value("${local.server.port}")
	int port;

	@BeforeEach
	void slowAndRunning() throws Exception {
		assertThat(patch("{\"rate\": " + SLOW + ", \"paused\": false}").statusCode()).isEqualTo(200);
	}

	@Test
	void reportsItsModelSeedClockAndRate() throws Exception {
		JsonNode status = status();

		assertThat(status.get("model").asString()).isEqualTo("shop");
		assertThat(status.get("seed").asLong()).isEqualTo(77);
		assertThat(status.get("seedConfigured").asBoolean()).isTrue();
		assertThat(status.get("clock").asString()).isEqualTo("wall");
		assertThat(status.get("rate").asLong()).isEqualTo(SLOW);
		assertThat(status.get("paused").asBoolean()).isFalse();
		// No limit, so no totals can be known ahead.
		assertThat(status.get("limit").isNull()).isTrue();
		assertThat(status.get("expectedTotals").isNull()).isTrue();
	}

	@Test
	void aNewRateShowsInWhatIsSentWithinACoupleOfTicks() throws Exception {
		long before = sent();

		HttpResponse<String> changed = patch("{\"rate\": 20000}");

		assertThat(changed.statusCode()).isEqualTo(200);
		assertThat(json.readTree(changed.body()).get("rate").asLong()).isEqualTo(20_000);
		// 2,000 more: a hundred seconds at the old rate, a tenth of a second at the new one.
		await().atMost(Duration.ofSeconds(2)).until(() -> sent() >= before + 2_000);
	}

	@Test
	void pausedSendsNothingAndResumedGoesOn() throws Exception {
		patch("{\"rate\": 5000}");
		await().atMost(Duration.ofSeconds(5)).until(() -> sent() > 0);

		assertThat(json.readTree(patch("{\"paused\": true}").body()).get("paused").asBoolean()).isTrue();

		// A tick under way may finish after the pause; from then on nothing more is sent.
		long[] last = { -1 };
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> {
			long now = sent();
			boolean unchanged = now == last[0];
			last[0] = now;
			return unchanged;
		});
		long whilePaused = last[0];

		patch("{\"paused\": false}");

		await().atMost(Duration.ofSeconds(2)).until(() -> sent() >= whilePaused + 1_000);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			{"rate": -1}                  | rate   | rate must be from 1 to 10000000 events a second, was -1
			{"rate": 0}                   | rate   | rate must be from 1 to 10000000 events a second, was 0
			{"rate": 20000000}            | rate   | rate must be from 1 to 10000000 events a second, was 20000000
			{"rate": 1.5}                 | rate   | rate must be a whole number of events a second, was 1.5
			{"rate": "fast"}              | rate   | rate must be a whole number of events a second, was "fast"
			{"paused": "yes"}             | paused | paused must be true or false, was "yes"
			{"rate": 500, "speed": 3}     | speed  | unknown field 'speed'; known fields are rate and paused
			{"paused": true, "rate": -5}  | rate   | rate must be from 1 to 10000000 events a second, was -5
			{}                            |        | nothing to change: give rate and/or paused
			[500]                         |        | the body must be a JSON object with rate and/or paused
			""")
	void aBadRequestIsAProblemDetailNamingTheFieldAndChangesNothing(String body, String field, String detail)
			throws Exception {
		HttpResponse<String> refused = patch(body);

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = json.readTree(refused.body());
		assertThat(problem.get("status").asInt()).isEqualTo(400);
		assertThat(problem.get("detail").asString()).isEqualTo(detail);
		if (field == null) {
			assertThat(problem.has("field")).isFalse();
		}
		else {
			assertThat(problem.get("field").asString()).isEqualTo(field);
		}
		JsonNode status = status();
		assertThat(status.get("rate").asLong()).isEqualTo(SLOW);
		assertThat(status.get("paused").asBoolean()).isFalse();
	}

	@Test
	void aBodyThatIsNotJsonIsAProblemDetailToo() throws Exception {
		HttpResponse<String> refused = patch("rate=500");

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(status().get("rate").asLong()).isEqualTo(SLOW);
	}

	private long sent() throws Exception {
		return status().get("sent").asLong();
	}

	private JsonNode status() throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri()).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private HttpResponse<String> patch(String body) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri())
			.method("PATCH", HttpRequest.BodyPublishers.ofString(body))
			.header("Content-Type", "application/json")
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri() {
		return URI.create("http://localhost:" + this.port + "/api/generator");
	}

}
