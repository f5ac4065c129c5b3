package dev.clickstream.listener;

import java.util.Map;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Stops startup on a setting that has moved, instead of ignoring it and running on the new setting's default: a
 * changelog topic that silently changed name would start every count from zero.
 */
@Component
class MovedProperties {

	static final Map<String, String> MOVED = Map.of("clickstream.counting.changelog-topic",
			"clickstream.topics.changelog.name");

	MovedProperties(Environment environment) {
		MOVED.forEach((from, to) -> {
			if (environment.containsProperty(from)) {
				throw new IllegalStateException(from + " has moved: set " + to + " instead (it is '"
						+ environment.getProperty(from) + "' now)");
			}
		});
	}

}
