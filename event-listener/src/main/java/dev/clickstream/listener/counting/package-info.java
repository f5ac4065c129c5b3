/**
 * Counting click events per partition of the event topic, with the counts committed in the same Kafka transaction
 * as the consumer offsets.
 */
@NullMarked
package dev.clickstream.listener.counting;

import org.jspecify.annotations.NullMarked;
