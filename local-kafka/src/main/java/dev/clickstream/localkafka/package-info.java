/**
 * A real, single-node Apache Kafka broker (KRaft, broker and controller in one process) that runs from one jar, so
 * {@code run-local.sh} and the system tests need nothing but a JDK.
 */
@NullMarked
package dev.clickstream.localkafka;

import org.jspecify.annotations.NullMarked;
