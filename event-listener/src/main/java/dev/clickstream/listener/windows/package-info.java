/**
 * Event-time windows over all partitions: the publisher that merges the partitions' window counts into running and
 * final results, the follower that holds the retained results, and the HTTP API over them.
 */
@NullMarked
package dev.clickstream.listener.windows;

import org.jspecify.annotations.NullMarked;
