/**
 * The benchmark harness: one local broker, the listener as shipped against Kafka Streams, a raw consumer and Kafka's
 * ProducerPerformance, each in its own JVM, measured on the same input in one run. Start it with
 * {@code ./run-benchmarks.sh}; it writes {@code docs/benchmarks.md}.
 */
@NullMarked
package dev.clickstream.benchmark;

import org.jspecify.annotations.NullMarked;
