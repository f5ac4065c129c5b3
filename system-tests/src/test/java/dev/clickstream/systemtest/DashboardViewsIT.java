package dev.clickstream.systemtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.awaitility.core.ConditionFactory;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

import dev.clickstream.kafka.ClickstreamTopics;
import dev.clickstream.model.SeedTime;
import dev.clickstream.systemtest.harness.BuiltJars;
import dev.clickstream.systemtest.harness.KafkaBrokerProcess;
import dev.clickstream.systemtest.harness.ProcessGroup;
import dev.clickstream.systemtest.harness.ServiceProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every view of the dashboard in a real browser against the broker and both jars as processes: each shows what the
 * APIs and the topics hold at the same moment, and the generator's controls change the producer. Takes a screenshot
 * of each view for the README.
 */
class DashboardViewsIT {

	private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(60);

	private static final String EVENTS = ClickstreamTopics.DEFAULT_EVENTS;

	private static final String DEAD_LETTERS = EVENTS + ClickstreamTopics.DEAD_LETTER_SUFFIX;

	// The views' screenshots for the README; CI writes them too, to its own clone.
	private static final Path DOCS = Path.of(System.getProperty("systemtest.docs-dir", "../docs/dashboard"));

	@AutoClose
	ProcessGroup processes = ProcessGroup.forTest("dashboard-views");

	private HeadlessChromium chromium;

	private WebDriver browser;

	@BeforeEach
	void needsChromium() {
		HeadlessChromium.assumeInstalled("DashboardViewsIT");
	}

	@AfterEach
	void closeBrowser() {
		if (this.chromium != null) {
			this.chromium.close();
		}
	}

	@Test
	void eachViewShowsWhatTheApisAndTopicsHoldAndTheGeneratorObeysThePage() throws Exception {
		KafkaBrokerProcess broker = processes.startBroker();
		ServiceProcess producer = processes.startService("clickstream-producer", BuiltJars.clickstreamProducer(), broker,
				"--clickstream.generator.rate=300");
		// Windows of 5 s with 1 s of grace: final windows within seconds, not minutes.
		ServiceProcess listener = processes.startService("event-listener", BuiltJars.eventListener(), broker,
				"--clickstream.instance-id=dashboard-views-it", "--clickstream.windows.size=5s",
				"--clickstream.windows.grace=1s",
				"--clickstream.dashboard.producer-url=http://127.0.0.1:" + producer.port());
		this.chromium = HeadlessChromium.start(processes.dir(), 1280, 1000);
		this.browser = this.chromium.driver();
		this.browser.get(listener.uri("/").toString());
		Files.createDirectories(DOCS);

		// Rates, from the brokers' offsets: the event topic is being written and read.
		page("the event topic's rates").untilAsserted(() -> {
			WebElement row = this.browser.findElement(By.cssSelector("#topic-rates tr[data-topic='" + EVENTS + "']"));
			assertThat(number(row.findElements(By.tagName("td")).get(0).getText())).isPositive();
		});
		page("the counting group's lag")
			.untilAsserted(() -> assertThat(this.browser.findElement(By.id("group-rates")).getText()).contains(EVENTS));
		page("the rates over time").untilAsserted(() -> assertThat(
				Long.parseLong(this.browser.findElement(By.id("topic-rates-chart")).getDomAttribute("data-points")))
			.isGreaterThanOrEqualTo(2));
		shoot("topic-rates-title", "rates.png");

		// Dated 15 s back, when every partition's events are of now: its window of 5 s closed with its grace of 1 s.
		send(broker, EVENTS, "dashboard-it-late", clickEvent("late-product", Instant.now().minusSeconds(15)));

		// Windows: a final window on the page has the counts, users and top products the API has for it.
		page("a final window on the page as the API has it").untilAsserted(() -> {
			WebElement row = this.browser.findElement(By.cssSelector("#windows tr:has(.state[data-final='true'])"));
			JsonNode window = listener.getJson("/api/windows/" + row.getDomAttribute("data-window-start"));
			assertThat(window.get("final").asBoolean()).isTrue();
			for (WebElement count : row.findElements(By.cssSelector("[data-count]"))) {
				assertThat(number(count.getText())).as(count.getDomAttribute("data-count"))
					.isEqualTo(window.get("counts").get(count.getDomAttribute("data-count")).asLong());
			}
		});
		assertThat(Long.parseLong(this.browser.findElement(By.id("windows-chart")).getDomAttribute("data-points")))
			.isPositive();
		// The late column: what the API counts for each window, 0 for one it does not list.
		page("the late events per window as the API has them").untilAsserted(() -> {
			Map<String, Long> late = new HashMap<>();
			JsonNode answer = listener.getJson("/api/topics/late");
			assertThat(answer.get("total").asLong()).isPositive();
			answer.get("windows")
				.forEach(window -> late.put(window.get("windowStart").asString(), window.get("lateEvents").asLong()));
			List<WebElement> rows = this.browser.findElements(By.cssSelector("#windows tr"));
			assertThat(rows).isNotEmpty();
			for (WebElement row : rows) {
				String start = row.getDomAttribute("data-window-start");
				assertThat(Long.parseLong(row.findElement(By.cssSelector("[data-late]")).getDomAttribute("data-late")))
					.as(start)
					.isEqualTo(late.getOrDefault(start, 0L));
			}
		});
		shoot("windows-title", "windows.png");
		page("the last final window's top products as the API has them").untilAsserted(() -> {
			JsonNode lastFinal = lastFinalWindow(listener);
			List<String> shown = this.browser.findElements(By.cssSelector("#products-final-viewed .product"))
				.stream()
				.map(WebElement::getText)
				.toList();
			assertThat(shown).isNotEmpty();
			assertThat(shown).isEqualTo(lastFinal.get("topProducts")
				.get("viewed")
				.valueStream()
				.map(product -> product.get("productId").asString())
				.toList());
		});
		page("unique users since the start")
			.untilAsserted(() -> assertThat(text("users-all-time")).matches("[1-9][\\d,]* \\(.*\\)"));
		shoot("users-title", "users.png");
		shoot("products-final-title", "products.png");

		// The generator: the page shows the producer's settings, and its controls change them.
		page("the generator's settings")
			.untilAsserted(() -> assertThat(text("generator-model"))
				.isEqualTo(producer.getJson("/api/generator").get("model").asString()));
		WebElement rate = this.browser.findElement(By.id("generator-rate-input"));
		rate.clear();
		rate.sendKeys("321");
		this.browser.findElement(By.id("generator-apply")).click();
		page("the producer's new rate")
			.untilAsserted(() -> assertThat(producer.getJson("/api/generator").get("rate").asLong()).isEqualTo(321));
		this.browser.findElement(By.id("generator-pause")).click();
		page("the producer paused")
			.untilAsserted(() -> assertThat(producer.getJson("/api/generator").get("paused").asBoolean()).isTrue());
		page("the page showing it paused")
			.untilAsserted(() -> assertThat(text("generator-status")).isEqualTo("paused"));
		shoot("generator-title", "generator.png");

		// The topic browser, with the generator paused: a record the test writes appears with its partition and offset.
		String product = "dashboard-it-" + UUID.randomUUID();
		RecordMetadata sent = send(broker, EVENTS, "dashboard-it", clickEvent(product));
		chooseTopic(EVENTS);
		WebElement row = page("the test's record in the browser")
			.until(() -> recordRow(sent), found -> found != null);
		assertThat(row.getText()).contains(product).contains("dashboard-it");
		row.click();
		page("the whole record")
			.untilAsserted(() -> assertThat(text("record-value")).contains("\"productId\": \"" + product + "\""));
		shoot("browser-title", "topic-browser.png");
		this.browser.findElement(By.cssSelector("#record-dialog button")).click();

		// Paused, the tail stays as it is; resumed, it moves on.
		this.browser.findElement(By.id("browser-pause")).click();
		RecordMetadata whilePaused = send(broker, EVENTS, "dashboard-it", clickEvent(product + "-later"));
		await("the paused tail not moving").during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(5))
			.until(() -> recordRow(whilePaused) == null);
		this.browser.findElement(By.id("browser-pause")).click();
		page("the resumed tail").until(() -> recordRow(whilePaused) != null);

		// A poison record: dead-lettered, shown on the dead-letter topic with its reason.
		send(broker, EVENTS, "dashboard-it-poison", "this is not a click event");
		chooseTopic(DEAD_LETTERS);
		page("the poison record with its reason").untilAsserted(() -> {
			String records = text("browser-records");
			assertThat(records).contains("this is not a click event").contains("dlt.reason: ");
		});
		shoot("browser-title", "dead-letters.png");

		this.browser.findElement(By.id("generator-pause")).click();
		page("the producer resumed")
			.untilAsserted(() -> assertThat(producer.getJson("/api/generator").get("paused").asBoolean()).isFalse());

		assertThat(this.chromium.consoleErrors()).as("console errors").isEmpty();
		assertThat(this.chromium.requestedUrls()).as("the page polls nothing: its figures come on its stream")
			.noneMatch(url -> url.matches(".*/api/(windows|summary|topics/rates|topics/late|topics/[^/]+/records\\?).*"));
		assertThat(this.chromium.requestedUrls()).as("every request the page made")
			.allSatisfy(url -> assertThat(url).startsWith("http://127.0.0.1:" + listener.port() + "/"));
	}

	/** Waits for the page, which redraws its rows as it goes: an element not there yet, or replaced, is retried. */
	private static ConditionFactory page(String alias) {
		return await(alias).atMost(PAGE_TIMEOUT)
			.ignoreExceptionsMatching(
					ex -> ex instanceof NoSuchElementException || ex instanceof StaleElementReferenceException);
	}

	private void chooseTopic(String topic) {
		WebElement button = page("the " + topic + " button")
			.until(() -> this.browser.findElements(By.cssSelector("#browser-topics button[data-topic='" + topic + "']")),
					buttons -> !buttons.isEmpty())
			.get(0);
		button.click();
		assertThat(button.getDomAttribute("aria-pressed")).isEqualTo("true");
	}

	private WebElement recordRow(RecordMetadata record) {
		List<WebElement> rows = this.browser.findElements(By.cssSelector("#browser-records tr[data-partition='"
				+ record.partition() + "'][data-offset='" + record.offset() + "']"));
		return rows.isEmpty() ? null : rows.get(0);
	}

	private static JsonNode lastFinalWindow(ServiceProcess listener) {
		JsonNode last = null;
		for (JsonNode window : listener.getJson("/api/windows?limit=30")) {
			if (window.get("final").asBoolean() && (last == null || SeedTime.parse(window.get("windowStart").asString())
				.isAfter(SeedTime.parse(last.get("windowStart").asString())))) {
				last = window;
			}
		}
		assertThat(last).as("a final window").isNotNull();
		return last;
	}

	private static String clickEvent(String product) {
		return clickEvent(product, Instant.now());
	}

	private static String clickEvent(String product, Instant date) {
		return "{\"date\":\"" + SeedTime.format(date) + "\",\"productId\":\"" + product
				+ "\",\"eventName\":\"productview\",\"userId\":\"dashboard-it\"}";
	}

	private static RecordMetadata send(KafkaBrokerProcess broker, String topic, String key, String value)
			throws InterruptedException, ExecutionException {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
			return producer.send(new ProducerRecord<>(topic, key, value)).get();
		}
	}

	private String text(String id) {
		return this.browser.findElement(By.id(id)).getText();
	}

	/** A number as the page formats it, with thousands separators; fails on anything else. */
	private static long number(String text) {
		String digits = text.replaceAll("[,\\s\\u00a0\\u202f]", "").replaceAll("\\.\\d+$", "");
		assertThat(digits).as("a formatted number: '%s'", text).matches("\\d+");
		return Long.parseLong(digits);
	}

	/** The view headed by the given heading, as the browser draws it, to docs/dashboard and the test's folder. */
	private void shoot(String headingId, String name) throws IOException {
		WebElement section = this.browser.findElement(By.id(headingId)).findElement(By.xpath("./ancestor::section"));
		this.chromium.script("arguments[0].scrollIntoView()", section);
		Path shot = section.getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(shot, DOCS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
		Files.copy(shot, processes.dir().resolve(name), StandardCopyOption.REPLACE_EXISTING);
	}

}
