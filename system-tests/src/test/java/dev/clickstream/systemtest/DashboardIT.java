package dev.clickstream.systemtest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import dev.clickstream.systemtest.harness.BuiltJars;
import dev.clickstream.systemtest.harness.KafkaBrokerProcess;
import dev.clickstream.systemtest.harness.ProcessGroup;
import dev.clickstream.systemtest.harness.ServiceProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard in a real browser: headless Chromium, driven by its chromedriver, against the broker and both jars as
 * processes. What the page shows must be what {@code /api/counts} says at the same moment, and it must move on its
 * own, through server-sent events, without a reload.
 */
class DashboardIT {

	private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(60);

	@AutoClose
	ProcessGroup processes = ProcessGroup.forTest("dashboard");

	private HeadlessChromium chromium;

	private WebDriver browser;

	@BeforeEach
	void needsChromium() {
		HeadlessChromium.assumeInstalled("DashboardIT");
	}

	@AfterEach
	void closeBrowser() {
		if (this.chromium != null) {
			this.chromium.close();
		}
	}

	@Test
	void pageShowsTheCommittedTotalsLiveWithRatesAndProducerFigures() throws IOException {
		KafkaBrokerProcess broker = processes.startBroker();
		ServiceProcess producer = processes.startService("clickstream-producer", BuiltJars.clickstreamProducer(), broker,
				"--clickstream.generator.rate=2000");
		ServiceProcess listener = processes.startService("event-listener", BuiltJars.eventListener(), broker,
				"--clickstream.instance-id=dashboard-it",
				"--clickstream.dashboard.producer-url=http://127.0.0.1:" + producer.port());

		this.chromium = HeadlessChromium.start(processes.dir(), 1280, 1000);
		this.browser = this.chromium.driver();
		this.browser.get(listener.uri("/").toString());

		await("totals on the page").atMost(PAGE_TIMEOUT).untilAsserted(() -> assertThat(total(pageTotals())).isPositive());

		// A snapshot may land between two reads: the page must lie between /api/counts before and after it, and can
		// never be ahead of what was committed.
		await("page totals between two reads of /api/counts").atMost(PAGE_TIMEOUT)
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> {
				Map<String, Long> before = apiCounts(listener);
				Map<String, Long> page = pageTotals();
				Map<String, Long> after = apiCounts(listener);
				assertThat(page.keySet()).isEqualTo(after.keySet());
				page.forEach((eventName, shown) -> assertThat(shown).as(eventName).isBetween(before.get(eventName),
						after.get(eventName)));
			});

		long shown = total(pageTotals());
		await("totals on the page grow without a reload").atMost(PAGE_TIMEOUT)
			.untilAsserted(() -> assertThat(total(pageTotals())).isGreaterThan(shown));

		await("points on the chart").atMost(PAGE_TIMEOUT)
			.untilAsserted(() -> assertThat(chartPoints()).isGreaterThanOrEqualTo(10));
		assertThat(this.browser.findElements(By.cssSelector("#chart canvas"))).isNotEmpty();
		assertThat(text("rate-in")).as("events counted per second").matches("[1-9][\\d,]*(\\.\\d)?");

		await("produced events from the producer").atMost(PAGE_TIMEOUT)
			.untilAsserted(() -> assertThat(number(text("produced"))).isPositive());
		assertThat(this.browser.findElement(By.id("connection")).getDomAttribute("data-state")).isEqualTo("live");

		screenshot("dashboard.png");

		// A phone: one column, nothing wider than the screen.
		this.browser.manage().window().setSize(new Dimension(390, 844));
		await("layout on a phone").atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat((Long) script("return document.documentElement.scrollWidth"))
				.isLessThanOrEqualTo((Long) script("return window.innerWidth")));
		screenshot("dashboard-phone.png");
	}

	/** The count of each event name as the page shows it, e.g. "12,345" read as 12345. */
	private Map<String, Long> pageTotals() {
		Map<String, Long> totals = new TreeMap<>();
		for (WebElement cell : this.browser.findElements(By.cssSelector("[data-total]"))) {
			totals.put(cell.getDomAttribute("data-total"), number(cell.getText()));
		}
		return totals;
	}

	private static Map<String, Long> apiCounts(ServiceProcess listener) {
		JsonNode counts = listener.getJson("/api/counts");
		Map<String, Long> totals = new TreeMap<>();
		counts.properties()
			.stream()
			.filter(field -> !field.getKey().equals("receiveAt"))
			.forEach(field -> totals.put(field.getKey(), field.getValue().asLong()));
		return totals;
	}

	private static long total(Map<String, Long> totals) {
		return totals.values().stream().mapToLong(Long::longValue).sum();
	}

	private long chartPoints() {
		return Long.parseLong(this.browser.findElement(By.id("chart")).getDomAttribute("data-points"));
	}

	private String text(String id) {
		return this.browser.findElement(By.id(id)).getText();
	}

	private Object script(String script) {
		return this.chromium.script(script);
	}

	/** A number as the page formats it, with thousands separators; fails on anything else ("—", "unreachable"). */
	private static long number(String text) {
		String digits = text.replaceAll("[,.\\s\\u00a0\\u202f]", "");
		assertThat(digits).as("a formatted whole number: '%s'", text).matches("\\d+");
		return Long.parseLong(digits);
	}

	/** Saves what the browser shows next to the build's other reports, in target/. */
	private void screenshot(String name) throws IOException {
		Path workDir = Path.of(System.getProperty("systemtest.work-dir", "target/system-tests")).toAbsolutePath();
		this.chromium.screenshot(name, workDir.getParent());
	}

}
