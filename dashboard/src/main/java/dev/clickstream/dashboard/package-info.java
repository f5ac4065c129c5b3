/**
 * The live dashboard at {@code /}: current totals, rates, lag and dead letters, pushed to browsers as server-sent
 * events from one shared sampler, and the same figures as JSON at {@code /api/dashboard}.
 */
@NullMarked
package dev.clickstream.dashboard;

import org.jspecify.annotations.NullMarked;
