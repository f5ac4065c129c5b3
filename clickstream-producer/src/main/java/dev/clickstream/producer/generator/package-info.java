/**
 * What the generator makes and when: the traffic models (a shop's sessions, or the original script's random events),
 * the clocks that date the events, the plan of how many each tick sends, the schedule that hands them to the
 * publisher, and the control of its rate and pause while it runs.
 */
@NullMarked
package dev.clickstream.producer.generator;

import org.jspecify.annotations.NullMarked;
