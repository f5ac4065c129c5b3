#!/usr/bin/env bash
# The event-listener against Kafka Streams, a raw consumer and Kafka's ProducerPerformance, on one fresh local broker,
# in one run; adds the results to docs/benchmarks.md. Needs a JDK 17 and nothing else.
#
#   ./run-benchmarks.sh                     N=1,000,000 events, 3 repetitions, latency run, listener profile
#   N=200000 REPS=1 ./run-benchmarks.sh     a quick smoke run
#
# Settings (environment variables):
#   N, REPS                   events per throughput repetition; repetitions (each figure is their median)
#   WARMUP_N                  events of the untimed warm-up round (default min(N, 500000)); 0 for none
#   SNAPSHOT_INTERVAL_MS      the listener's snapshot interval in the throughput runs (default 100)
#   LISTENER_ARGS             extra arguments of the listener "as shipped" (default none)
#   TUNED_LISTENER_ARGS       if set, a second listener contender with these extra arguments, e.g.
#                             "--spring.kafka.consumer.max-poll-records=20000"; it runs the latency run too
#   TUNED_LISTENER_JVM_OPTS   JVM options of that tuned listener, e.g. "-Xmx128m"
#   CONTENDER_JVM_OPTS        JVM options of every contender JVM alike (default: the services' own, from
#                             service-jvm.options; set it empty for the JVM's defaults)
#   STREAMS_THREADS           num.stream.threads of Kafka Streams (default 1)
#   RAW_MAX_POLL_RECORDS      max.poll.records of the raw consumer (default 10000)
#   GENERATOR_RATE, GENERATOR_ARGS   the generator's rate when finding its highest (default 10000000), extra arguments
#   LATENCY_RATE, LATENCY_SECONDS, LATENCY_WARMUP_SECONDS, LATENCY_SNAPSHOT_INTERVAL_MS   (10000, 60, 10, 100)
#   PROFILE                   1 (default): one more listener run under JFR, summarised in the report; 0: none
#   DASHBOARDS                dashboards open in listener-dashboards and latency-dashboards (default 50), each
#                             asking what the page asks, as often
#   SKIP                      parts to leave out: listener,listener-dashboards,listener-jackson,listener-no-windows,
#                             tuned,streams,streams-windowed,raw,generator,generator-jackson,generator-seed,perf,
#                             latency,latency-dashboards,latency-seed,profile
#   REPORT                    where the run is added (default docs/benchmarks.md)
#   MAX_LOAD                  if set, wait (up to 30 minutes) until the 1-minute load average is below it
#
# The machine should be otherwise idle: the script prints the load average, and the report records it.
set -euo pipefail
cd "$(dirname "$0")"

VERSION=0.1.0-SNAPSHOT
# The flags the services ship with, for every contender alike: the comparison is of the programs, not of heap sizes.
export CONTENDER_JVM_OPTS="${CONTENDER_JVM_OPTS-$(sed 's/#.*//' service-jvm.options | xargs)}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

./mvnw -q -B -Pbenchmarks -DskipTests package -pl benchmarks -am

if [[ -n "${MAX_LOAD:-}" ]]; then
  for _ in $(seq 1 180); do
    load=$(cut -d' ' -f1 /proc/loadavg)
    if awk -v l="$load" -v m="$MAX_LOAD" 'BEGIN { exit !(l < m) }'; then break; fi
    echo "[run-benchmarks] load average $load is not below $MAX_LOAD; waiting"
    sleep 10
  done
fi
echo "[run-benchmarks] load average: $(cut -d' ' -f1-3 /proc/loadavg)"

exec "$JAVA" \
  -Dsystemtest.local-kafka.jar="local-kafka/target/local-kafka-$VERSION.jar" \
  -Dsystemtest.clickstream-producer.jar="clickstream-producer/target/clickstream-producer-$VERSION.jar" \
  -Dsystemtest.event-listener.jar="event-listener/target/event-listener-$VERSION.jar" \
  -Dorg.slf4j.simpleLogger.showDateTime=true \
  -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS \
  -Dorg.slf4j.simpleLogger.log.org.apache.kafka=warn \
  -cp "benchmarks/target/benchmarks-$VERSION.jar:benchmarks/target/lib/*" \
  dev.clickstream.benchmark.Benchmarks
