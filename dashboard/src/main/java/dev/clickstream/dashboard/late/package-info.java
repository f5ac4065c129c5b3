/**
 * Late events per window on the dashboard: the late-events topic followed as a read_committed reader sees it, its
 * records counted per window they missed, at {@code /api/topics/late}.
 */
@NullMarked
package dev.clickstream.dashboard.late;

import org.jspecify.annotations.NullMarked;
