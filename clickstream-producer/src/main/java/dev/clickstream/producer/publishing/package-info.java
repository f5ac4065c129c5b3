/**
 * Writing click events to Kafka without blocking, and accounting for each one: acknowledged, failed or in flight.
 */
@NullMarked
package dev.clickstream.producer.publishing;

import org.jspecify.annotations.NullMarked;
