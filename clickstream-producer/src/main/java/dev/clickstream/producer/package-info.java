/**
 * The click-stream producer: generates random click events at a configured rate and writes them to the events topic.
 */
@NullMarked
package dev.clickstream.producer;

import org.jspecify.annotations.NullMarked;
