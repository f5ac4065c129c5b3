/**
 * What the listener gives the dashboard library (the {@code dashboard} module) to show: its snapshots, event names
 * and consumer groups.
 */
@NullMarked
package dev.clickstream.listener.dashboard;

import org.jspecify.annotations.NullMarked;
