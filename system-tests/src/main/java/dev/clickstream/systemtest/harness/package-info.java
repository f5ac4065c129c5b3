/**
 * Runs the built jars as real operating-system processes, so a test can do what only processes allow: kill -9,
 * restart, run several instances. Every process is stopped when its {@link dev.clickstream.systemtest.harness.ProcessGroup}
 * closes, and killed when the JVM exits, whether the test passed or not.
 */
@NullMarked
package dev.clickstream.systemtest.harness;

import org.jspecify.annotations.NullMarked;
