/**
 * Health of this service's own Kafka consumers, next to the cluster check of common-kafka.
 */
@NullMarked
package dev.clickstream.listener.health;

import org.jspecify.annotations.NullMarked;
