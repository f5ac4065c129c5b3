/**
 * Unique users and top products: Apache DataSketches' HLL and frequent-items sketches, updated per event by counting
 * and merged across partitions by the publishers. Plain classes, no Kafka.
 */
@NullMarked
package dev.clickstream.listener.sketches;

import org.jspecify.annotations.NullMarked;
