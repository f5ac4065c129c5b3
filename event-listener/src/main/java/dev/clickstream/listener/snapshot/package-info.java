/**
 * Turning the per-partition counts into global totals and publishing them, from a single elected instance.
 */
@NullMarked
package dev.clickstream.listener.snapshot;

import org.jspecify.annotations.NullMarked;
