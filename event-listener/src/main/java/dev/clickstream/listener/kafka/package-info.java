/**
 * Reading committed records back from Kafka, used to restore state and to follow the snapshots.
 */
@NullMarked
package dev.clickstream.listener.kafka;

import org.jspecify.annotations.NullMarked;
