package dev.clickstream.model;

/**
 * What counting reads of a click event: its name, and its date to the second.
 *
 * @param eventName the event's name
 * @param epochSecond the event's date, in seconds since the epoch
 */
public record TimedEventName(String eventName, long epochSecond) {

}
