package dev.clickstream.systemtest;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No secret is committed: no key or keystore file, no private key, and no password given as a value rather than as
 * a placeholder of the environment, in any file of the repository that ships or configures something.
 */
class RepositorySecretsTest {

	private static final Path ROOT = Path.of(System.getProperty("systemtest.repository-root", "..")).toAbsolutePath()
		.normalize();

	// Built, generated or run-time files, never committed.
	private static final Set<String> SKIPPED_DIRS = Set.of(".git", "target", ".local", "node_modules", ".idea",
			"extra-ca");

	private static final Set<String> KEY_FILE_ENDINGS = Set.of(".p12", ".pfx", ".jks", ".keystore", ".key",
			"credentials.env");

	private static final Pattern PRIVATE_KEY = Pattern.compile("-----BEGIN ([A-Z]+ )?PRIVATE KEY-----");

	/**
	 * {@code password: x}, {@code password=x}, {@code PASSWORD="x"}, {@code password="x"} in a JAAS line: a value
	 * that is neither empty nor a placeholder ({@code ${...}}, {@code $VAR}, a format's {@code %s}) nor a reference
	 * to one.
	 */
	private static final Pattern LITERAL_PASSWORD = Pattern
		.compile("(?i)password\\w*\\s*[:=]\\s*\"?(?!\\$|\"|\\s|$|\\*|<|%)([^\"\\s;,]+)");

	private static final Set<String> CONFIGURATION_ENDINGS = Set.of(".yml", ".yaml", ".properties", ".env", ".sh",
			".conf", "Dockerfile", ".options");

	/** Tests may keep a truststore of a throw-away test CA: certificates only, nothing to log in with. */
	@Test
	void noKeyOrKeystoreFileIsCommittedButTestTruststores() throws IOException {
		assertThat(files().filter(file -> KEY_FILE_ENDINGS.stream().anyMatch(file.toString()::endsWith))
			.filter(file -> !(file.toString().contains("/src/test/resources/")
					&& file.getFileName().toString().startsWith("truststore"))))
			.isEmpty();
	}

	@Test
	void noPrivateKeyIsInAnyFile() throws IOException {
		List<Path> withKey = new ArrayList<>();
		for (Path file : files().toList()) {
			String text = text(file);
			if (text != null && PRIVATE_KEY.matcher(text).find()) {
				withKey.add(file);
			}
		}
		assertThat(withKey).isEmpty();
	}

	@Test
	void everyConfiguredPasswordComesFromTheEnvironment() throws IOException {
		List<String> literal = new ArrayList<>();
		for (Path file : files().filter(RepositorySecretsTest::isConfiguration).toList()) {
			String text = text(file);
			if (text == null) {
				continue;
			}
			String[] lines = text.split("\n");
			for (int i = 0; i < lines.length; i++) {
				Matcher matcher = LITERAL_PASSWORD.matcher(lines[i]);
				if (!lines[i].strip().startsWith("#") && matcher.find()) {
					literal.add(ROOT.relativize(file) + ":" + (i + 1) + ": " + lines[i].strip());
				}
			}
		}
		assertThat(literal).isEmpty();
	}

	@Test
	void theScanSeesTheRepositoryAndWouldSeeALiteralPassword() throws IOException {
		assertThat(files().map(file -> ROOT.relativize(file).toString()))
			.contains("event-listener/src/main/resources/application.yml", "docker-compose.yml", "run-local.sh");
		assertThat(LITERAL_PASSWORD.matcher("    password: hunter2").find()).isTrue();
		assertThat(LITERAL_PASSWORD.matcher("KAFKA_PASSWORD=hunter2").find()).isTrue();
		assertThat(LITERAL_PASSWORD.matcher("ScramLoginModule required username=\"a\" password=\"hunter2\";").find())
			.isTrue();
		assertThat(LITERAL_PASSWORD.matcher("    password: ${HTTP_OPERATOR_PASSWORD}").find()).isFalse();
		assertThat(LITERAL_PASSWORD.matcher("password=\"${KAFKA_PASSWORD}\";").find()).isFalse();
		assertThat(LITERAL_PASSWORD.matcher("KAFKA_PASSWORD=$(credential X)").find()).isFalse();
		assertThat(LITERAL_PASSWORD.matcher("printf 'HTTP_OPERATOR_PASSWORD=%s\\n' \"$operator\"").find()).isFalse();
	}

	private static boolean isConfiguration(Path file) {
		String name = file.getFileName().toString();
		boolean testCode = file.toString().contains("/src/test/");
		return !testCode && CONFIGURATION_ENDINGS.stream().anyMatch(name::endsWith);
	}

	private static Stream<Path> files() throws IOException {
		List<Path> files = new ArrayList<>();
		try (Stream<Path> walk = Files.walk(ROOT)) {
			walk.filter(Files::isRegularFile)
				.filter(file -> ROOT.relativize(file).getNameCount() > 0)
				.filter(file -> {
					for (Path part : ROOT.relativize(file)) {
						if (SKIPPED_DIRS.contains(part.toString())) {
							return false;
						}
					}
					return true;
				})
				.forEach(files::add);
		}
		return files.stream();
	}

	/** The file as text, or null if it is not UTF-8 text (an image, a jar). */
	private static String text(Path file) throws IOException {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (MalformedInputException binary) {
			return null;
		}
	}

}
