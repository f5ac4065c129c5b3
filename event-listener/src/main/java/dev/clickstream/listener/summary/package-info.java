/**
 * {@code GET /api/summary}: the unique users and top products since the start, and the unique users of each day the
 * retained windows cover.
 */
@NullMarked
package dev.clickstream.listener.summary;

import org.jspecify.annotations.NullMarked;
