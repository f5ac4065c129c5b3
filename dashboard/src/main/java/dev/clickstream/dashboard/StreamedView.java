package dev.clickstream.dashboard;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A figure the dashboard's stream sends to every open page, instead of each page polling for it: the stream asks
 * for its JSON at most every {@link #interval()}, on one thread whatever the number of pages, and sends it as an
 * event named {@link #name()} only when it differs from what it sent last. A page that connects gets the last one at
 * once. Beans of this type in the application are streamed; the dashboard brings its own (the generator, the
 * topics' rates, the late events).
 */
public interface StreamedView {

	/** The event's name on the stream; the page listens for it. */
	String name();

	/** The least time between two looks at the figure. */
	Duration interval();

	/**
	 * The figure now, as JSON. A figure that cannot be had now throws: the page is sent a {@code problem} event
	 * naming this view, with the exception's detail, until it can again.
	 */
	byte[] json();

	static StreamedView of(String name, Duration interval, Supplier<byte[]> json) {
		return new StreamedView() {

			@Override
			public String name() {
				return name;
			}

			@Override
			public Duration interval() {
				return interval;
			}

			@Override
			public byte[] json() {
				return json.get();
			}

			@Override
			public String toString() {
				return "StreamedView " + name;
			}

		};
	}

}
