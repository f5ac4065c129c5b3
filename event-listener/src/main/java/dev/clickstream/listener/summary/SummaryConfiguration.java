package dev.clickstream.listener.summary;

import java.time.Duration;

import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import dev.clickstream.dashboard.StreamedView;
import dev.clickstream.listener.summary.SummaryFigures.Summary;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SummaryConfiguration {

	/** The page's unique users since the start: they change slowly, and a day's merge is costly. */
	@Bean
	StreamedView summaryView(SummaryFigures figures, JsonMapper jsonMapper) {
		ObjectWriter writer = jsonMapper.writerFor(Summary.class);
		return StreamedView.of("summary", Duration.ofSeconds(5), () -> writer.writeValueAsBytes(figures.current()));
	}

}
