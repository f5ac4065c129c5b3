package dev.clickstream.security;

import java.util.Map;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A service with a read and a write of its own, as both services have, next to the actuator. */
@SpringBootApplication
class SecuredTestApplication {

	@RestController
	@RequestMapping("/api/things")
	static class ThingsController {

		@GetMapping
		Map<String, Object> read() {
			return Map.of("things", 1);
		}

		@PatchMapping
		Map<String, Object> change() {
			return Map.of("things", 2);
		}

	}

}
