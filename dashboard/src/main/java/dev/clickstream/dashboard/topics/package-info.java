/**
 * The dashboard's view of the topics themselves, read from Kafka on the server: the newest records of the topics a
 * person may look at ({@code /api/topics/{name}/records}), and the rate in and out of every topic of the pipeline and
 * each consumer group's lag, from the brokers' own offsets and log sizes ({@code /api/topics/rates}).
 */
@NullMarked
package dev.clickstream.dashboard.topics;

import org.jspecify.annotations.NullMarked;
