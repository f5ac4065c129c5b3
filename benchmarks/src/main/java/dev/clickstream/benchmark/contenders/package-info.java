/**
 * Contenders that are not shipped jars, each a main class the harness runs in a JVM of its own with
 * {@code java -cp}, so that every contender has a process, heap and CPU share like the listener's.
 */
@NullMarked
package dev.clickstream.benchmark.contenders;

import org.jspecify.annotations.NullMarked;
