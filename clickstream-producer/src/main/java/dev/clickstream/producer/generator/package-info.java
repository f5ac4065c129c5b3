/**
 * Making click events and deciding how many to make each tick; the schedule that hands them to the publisher.
 */
@NullMarked
package dev.clickstream.producer.generator;

import org.jspecify.annotations.NullMarked;
