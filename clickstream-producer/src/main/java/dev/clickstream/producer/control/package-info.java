/**
 * The generator's control over HTTP: its state, its rate, pause and resume.
 */
@NullMarked
package dev.clickstream.producer.control;

import org.jspecify.annotations.NullMarked;
