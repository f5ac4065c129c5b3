/**
 * The records the services exchange over Kafka, written and read as the JSON of the original design.
 */
@NullMarked
package dev.clickstream.model;

import org.jspecify.annotations.NullMarked;
