package dev.clickstream.listener.counting;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.clickstream.listener.EventListenerProperties.Counting.UnknownEventNames;
import dev.clickstream.model.ClickEventReader;
import dev.clickstream.model.CountedEvent;
import dev.clickstream.model.InvalidClickEventException;
import dev.clickstream.model.InvalidClickEventException.Reason;

/**
 * Decides which records are counted: click events with a known name, or with any name if so configured.
 */
class EventAdmission {

	private final ClickEventReader reader;

	private final Set<String> eventNames;

	private final UnknownEventNames unknownEventNames;

	EventAdmission(ClickEventReader reader, List<String> eventNames, UnknownEventNames unknownEventNames) {
		this.reader = reader;
		this.eventNames = Set.copyOf(eventNames);
		this.unknownEventNames = unknownEventNames;
	}

	/**
	 * @return the event name to count the record under
	 * @throws InvalidClickEventException if the record is not to be counted
	 */
	String admit(byte @Nullable [] value) {
		return admitted(this.reader.eventName(value));
	}

	/**
	 * @return what counting reads of the event, whose name is the one to count it under
	 * @throws InvalidClickEventException if the record is not to be counted
	 */
	CountedEvent admitCounted(byte @Nullable [] value) {
		CountedEvent event = this.reader.countedEvent(value);
		admitted(event.eventName());
		return event;
	}

	private String admitted(String eventName) {
		if (this.unknownEventNames == UnknownEventNames.DEAD_LETTER && !this.eventNames.contains(eventName)) {
			throw new InvalidClickEventException(Reason.UNKNOWN_EVENT_NAME,
					"\"eventName\" is \"" + eventName + "\"; counted names are " + this.eventNames);
		}
		return eventName;
	}

}
