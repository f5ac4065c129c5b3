package dev.clickstream.producer.control;

import dev.clickstream.producer.generator.GeneratorControl;
import dev.clickstream.producer.generator.GeneratorStatus;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/generator}: the generator's model, seed, rate, pause and progress. {@code PATCH /api/generator}
 * with {@code {"rate": n}} and/or {@code {"paused": true|false}} changes it; a bad request is answered with a
 * problem detail naming the field, and changes nothing.
 */
@RestController
@RequestMapping("/api/generator")
class GeneratorController {

	private final GeneratorControl control;

	GeneratorController(GeneratorControl control) {
		this.control = control;
	}

	@GetMapping
	GeneratorStatus status() {
		return this.control.status();
	}

	@PatchMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	GeneratorStatus change(@RequestBody JsonNode body) {
		GeneratorChange change = GeneratorChange.of(body);
		return this.control.change(change.rate(), change.paused());
	}

	@ExceptionHandler
	ProblemDetail invalidChange(InvalidChangeException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Invalid generator change");
		if (ex.field() != null) {
			problem.setProperty("field", ex.field());
		}
		return problem;
	}

}
