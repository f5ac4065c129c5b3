/**
 * The HTTP view of the totals.
 */
@NullMarked
package dev.clickstream.listener.web;

import org.jspecify.annotations.NullMarked;
