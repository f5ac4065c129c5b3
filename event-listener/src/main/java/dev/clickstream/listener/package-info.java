/**
 * The event-listener service: counts click events per event name, exactly once, and publishes the totals.
 */
@NullMarked
package dev.clickstream.listener;

import org.jspecify.annotations.NullMarked;
