package dev.clickstream.producer.generator;

import java.time.Instant;
import java.util.List;

import dev.clickstream.model.ClickEvent;

/**
 * Who clicks what, and in which order: the generator's behaviour apart from time. A model is driven by one thread
 * at a time and, made with the same seed and settings, returns the same sequence every time.
 */
interface TrafficModel {

	/** The next event, dated {@code date}. */
	ClickEvent next(Instant date);

	/** Every event name the model emits. */
	List<String> eventNames();

}
