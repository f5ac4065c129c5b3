/**
 * Kafka set-up shared by both services: the topics they exchange, a health indicator for the cluster, and the
 * constraint on the durations they are configured with.
 */
@NullMarked
package dev.clickstream.kafka;

import org.jspecify.annotations.NullMarked;
