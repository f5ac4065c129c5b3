package dev.clickstream.listener.summary;

import dev.clickstream.listener.summary.SummaryFigures.Summary;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The companion of {@code /api/counts}: {@code GET /api/summary} gives the {@link SummaryFigures}, which the
 * dashboard's stream also sends to its pages.
 */
@RestController
class SummaryController {

	private final SummaryFigures figures;

	SummaryController(SummaryFigures figures) {
		this.figures = figures;
	}

	@GetMapping("/api/summary")
	Summary summary() {
		return this.figures.current();
	}

}
