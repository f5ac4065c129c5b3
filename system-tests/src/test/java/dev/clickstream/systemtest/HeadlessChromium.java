package dev.clickstream.systemtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.logging.Level;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's Chromium, headless, driven by its chromedriver: nothing is downloaded. Tests are skipped where it is not
 * installed (apt-get install chromium chromium-driver, or -Dsystemtest.chromium and -Dsystemtest.chromedriver).
 */
final class HeadlessChromium implements AutoCloseable {

	private static final Path CHROMIUM = Path.of(System.getProperty("systemtest.chromium", "/usr/bin/chromium"));

	private static final Path CHROMEDRIVER = Path
		.of(System.getProperty("systemtest.chromedriver", "/usr/bin/chromedriver"));

	private final WebDriver driver;

	private final Path dir;

	private HeadlessChromium(WebDriver driver, Path dir) {
		this.driver = driver;
		this.dir = dir;
	}

	static void assumeInstalled(String test) {
		assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				test + " needs " + CHROMIUM + " and " + CHROMEDRIVER
						+ " (apt-get install chromium chromium-driver, or set -Dsystemtest.chromium and "
						+ "-Dsystemtest.chromedriver); skipped");
	}

	/** @param dir where the driver's log, the browser's profile and copies of the screenshots go */
	static HeadlessChromium start(Path dir, int width, int height) {
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.withLogFile(dir.resolve("chromedriver.log").toFile())
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--no-first-run", "--lang=en-US",
				"--window-size=" + width + "," + height, "--user-data-dir=" + dir.resolve("chromium-profile"));
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		return new HeadlessChromium(new ChromeDriver(service, options), dir);
	}

	WebDriver driver() {
		return this.driver;
	}

	Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) this.driver).executeScript(script, arguments);
	}

	/** What the page logged at error level since the last call: failed requests among them. */
	List<String> consoleErrors() {
		return this.driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.toList();
	}

	/** The URL of every resource the page has requested since it loaded. */
	@SuppressWarnings("unchecked")
	List<String> requestedUrls() {
		return (List<String>) script(
				"return [location.href, ...performance.getEntriesByType('resource').map(entry => entry.name)]");
	}

	/**
	 * Saves what the browser shows to each of the given files (their folders must exist) and to the test's folder.
	 */
	void screenshot(String name, Path... targets) throws IOException {
		Path shot = ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.FILE).toPath();
		for (Path target : targets) {
			Files.copy(shot, target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
		}
		Files.copy(shot, this.dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
	}

	@Override
	public void close() {
		this.driver.quit();
	}

}
