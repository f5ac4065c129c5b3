/**
 * Kafka set-up shared by both services: the topics they exchange and a health indicator for the cluster.
 */
@NullMarked
package dev.clickstream.kafka;

import org.jspecify.annotations.NullMarked;
