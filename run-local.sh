#!/usr/bin/env bash
# Runs the whole pipeline on this machine with nothing but a JDK 17 (and curl): a real Kafka broker from
# local-kafka/, the click-stream producer and the event-listener, each as its own process.
#
#   ./run-local.sh                      builds what is missing or stale, starts all three, Ctrl-C stops them
#   KAFKA_PORT=19092 ./run-local.sh     other ports: KAFKA_PORT, KAFKA_CONTROLLER_PORT, PRODUCER_PORT, LISTENER_PORT
#   SECURED=1 ./run-local.sh            the broker with TLS, SCRAM-SHA-512 logins and ACLs, the services with the
#                                       profiles local,secured, each logged in as its own user (docs/security.md)
#
# Broker data stays in .local/kafka between runs (.local/kafka-secured when secured); logs go to .local/logs/.
# Delete .local/ for a fresh start.
set -euo pipefail
cd "$(dirname "$0")"

KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
PRODUCER_PORT="${PRODUCER_PORT:-8080}"
LISTENER_PORT="${LISTENER_PORT:-8081}"
SECURED="${SECURED:-0}"
# seconds each process may take to become ready
START_TIMEOUT="${START_TIMEOUT:-120}"
# seconds each process may take to stop after SIGTERM before it is killed
STOP_TIMEOUT="${STOP_TIMEOUT:-40}"

VERSION=0.1.0-SNAPSHOT
KAFKA_JAR="local-kafka/target/local-kafka-$VERSION.jar"
PRODUCER_JAR="clickstream-producer/target/clickstream-producer-$VERSION.jar"
LISTENER_JAR="event-listener/target/event-listener-$VERSION.jar"
DATA_DIR=.local/kafka
LOG_DIR=.local/logs
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
KAFKA_SECURITY=plaintext
KAFKA_NOTE=""
SERVICE_PROFILES=local
case "$SECURED" in
  0) ;;
  # A data dir of its own: a broker formatted plaintext cannot be started secured, nor the other way round.
  1) DATA_DIR=.local/kafka-secured KAFKA_SECURITY=sasl-ssl KAFKA_NOTE=", secured" SERVICE_PROFILES=local,secured ;;
  *) printf '[run-local] ERROR: SECURED must be 0 or 1, was: %s\n' "$SECURED" >&2; exit 1 ;;
esac
# Written by the secured broker when it formats its data dir; KEY=value lines (docs/security.md).
CREDENTIALS="$DATA_DIR/secured/credentials.env"
# The services' HTTP users (operator, Prometheus scraper) when secured: drawn once by this script, kept beside it.
HTTP_CREDENTIALS="$DATA_DIR/secured/http-credentials.env"

KAFKA_PID=""
PRODUCER_PID=""
LISTENER_PID=""

say() { printf '[run-local] %s\n' "$*"; }

# Stops what was started, then exits with $1; the services first, so they leave the broker cleanly.
shutdown() {
  local status=$1
  trap 'say "still stopping; processes that do not stop within ${STOP_TIMEOUT}s are killed"' INT TERM
  stop_process event-listener "$LISTENER_PID" &
  local listener_stopper=$!
  stop_process clickstream-producer "$PRODUCER_PID"
  wait "$listener_stopper" || true
  stop_process kafka "$KAFKA_PID"
  exit "$status"
}

stop_process() {
  local name=$1 pid=$2
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  say "stopping $name (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + STOP_TIMEOUT))
  while kill -0 "$pid" 2>/dev/null; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      say "$name did not stop within ${STOP_TIMEOUT}s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.5
  done
  wait "$pid" 2>/dev/null || true
}

# Reports why a process is not ready, with the end of its log, and stops everything.
fail_with_log() {
  local message=$1 log=$2
  printf '[run-local] ERROR: %s\n' "$message" >&2
  if [ -f "$log" ]; then
    printf '[run-local] last lines of %s:\n' "$log" >&2
    tail -n 40 "$log" | sed 's/^/    /' >&2
  fi
  shutdown 1
}

# credential <KEY> [FILE]: its value in the credentials file (the broker's by default), read rather than sourced, so
# a path with spaces stays whole.
credential() {
  local key value file=${2:-$CREDENTIALS}
  while IFS='=' read -r key value; do
    if [ "$key" = "$1" ]; then
      printf '%s' "$value"
      return 0
    fi
  done <"$file"
  printf '[run-local] ERROR: %s has no %s\n' "$file" "$1" >&2
  return 1
}

# service_login <USER_PREFIX>: when secured, the service's own Kafka user and the truststore, and the HTTP users, as
# the secured profile reads them. Called in the subshell that becomes the service, so each service sees only its own
# Kafka password.
service_login() {
  [ "$SECURED" = 1 ] || return 0
  KAFKA_USERNAME=$(credential "$1_KAFKA_USERNAME")
  KAFKA_PASSWORD=$(credential "$1_KAFKA_PASSWORD")
  KAFKA_TRUSTSTORE=$(credential KAFKA_TRUSTSTORE)
  KAFKA_TRUSTSTORE_PASSWORD=$(credential KAFKA_TRUSTSTORE_PASSWORD)
  export KAFKA_USERNAME KAFKA_PASSWORD KAFKA_TRUSTSTORE KAFKA_TRUSTSTORE_PASSWORD
  HTTP_OPERATOR_USERNAME=$(credential HTTP_OPERATOR_USERNAME "$HTTP_CREDENTIALS")
  HTTP_OPERATOR_PASSWORD=$(credential HTTP_OPERATOR_PASSWORD "$HTTP_CREDENTIALS")
  HTTP_PROMETHEUS_USERNAME=$(credential HTTP_PROMETHEUS_USERNAME "$HTTP_CREDENTIALS")
  HTTP_PROMETHEUS_PASSWORD=$(credential HTTP_PROMETHEUS_PASSWORD "$HTTP_CREDENTIALS")
  # The listener's dashboard passes generator changes on to the producer as the producer's operator.
  PRODUCER_HTTP_USERNAME=$HTTP_OPERATOR_USERNAME
  PRODUCER_HTTP_PASSWORD=$HTTP_OPERATOR_PASSWORD
  export HTTP_OPERATOR_USERNAME HTTP_OPERATOR_PASSWORD HTTP_PROMETHEUS_USERNAME HTTP_PROMETHEUS_PASSWORD \
    PRODUCER_HTTP_USERNAME PRODUCER_HTTP_PASSWORD
}

# Draws the HTTP users' passwords the first time the pipeline runs secured; they stay for later runs.
http_credentials() {
  [ -s "$HTTP_CREDENTIALS" ] && return 0
  local operator prometheus
  operator=$(LC_ALL=C tr -dc 'A-Za-z0-9' </dev/urandom | head -c 24)
  prometheus=$(LC_ALL=C tr -dc 'A-Za-z0-9' </dev/urandom | head -c 24)
  (umask 077 && printf 'HTTP_OPERATOR_USERNAME=operator\nHTTP_OPERATOR_PASSWORD=%s\nHTTP_PROMETHEUS_USERNAME=prometheus\nHTTP_PROMETHEUS_PASSWORD=%s\n' \
    "$operator" "$prometheus" >"$HTTP_CREDENTIALS")
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

kafka_ready() {
  grep -q "Kafka broker ready" "$LOG_DIR/kafka-console.log" 2>/dev/null
}

health_up() {
  curl -fsS --max-time 2 "http://127.0.0.1:$1/actuator/health" 2>/dev/null | grep -q '"status":"UP"'
}

# wait_until <name> <pid> <log> <command...>: until the command succeeds, the process exits, or START_TIMEOUT.
wait_until() {
  local name=$1 pid=$2 log=$3
  shift 3
  local deadline=$((SECONDS + START_TIMEOUT))
  until "$@"; do
    kill -0 "$pid" 2>/dev/null || fail_with_log "$name exited during startup" "$log"
    [ "$SECONDS" -lt "$deadline" ] || fail_with_log "$name was not ready after ${START_TIMEOUT}s" "$log"
    sleep 1
  done
}

# Builds the three jars if one is missing, or if a source or pom changed since this script last built them. (A stamp
# file, not the jars' own times: the build is reproducible, so every jar carries the same fixed timestamp.)
BUILD_STAMP=.local/build.stamp
build_if_needed() {
  local jar missing=""
  for jar in "$KAFKA_JAR" "$PRODUCER_JAR" "$LISTENER_JAR"; do
    [ -f "$jar" ] || missing=$jar
  done
  if [ -z "$missing" ] && [ -f "$BUILD_STAMP" ] && [ -z "$(find pom.xml common-model common-kafka local-kafka \
      clickstream-producer event-listener -newer "$BUILD_STAMP" -type f ! -path '*/target/*' -print 2>/dev/null \
      | head -n 1)" ]; then
    say "jars are up to date"
    return
  fi
  say "building the jars (./mvnw -q -B -DskipTests package); the first build downloads dependencies"
  mkdir -p .local
  touch "$BUILD_STAMP.next"
  ./mvnw -q -B -DskipTests package -pl local-kafka,clickstream-producer,event-listener -am
  mv "$BUILD_STAMP.next" "$BUILD_STAMP"
}

command -v "$JAVA" >/dev/null 2>&1 || { say "ERROR: no java found; install JDK 17 or set JAVA_HOME" >&2; exit 1; }
java_major=$("$JAVA" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)
if [ -z "$java_major" ] || [ "$java_major" -lt 17 ]; then
  say "ERROR: Java 17 or newer is needed; $JAVA is: $("$JAVA" -version 2>&1 | head -n 1)" >&2
  exit 1
fi
command -v curl >/dev/null 2>&1 || { say "ERROR: curl is needed to check the services' health" >&2; exit 1; }

for port in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT" "$PRODUCER_PORT" "$LISTENER_PORT"; do
  if port_in_use "$port"; then
    say "ERROR: port $port is in use (an earlier run still going? see: ss -ltnp | grep :$port)." >&2
    say "       Free it or choose others: KAFKA_PORT, KAFKA_CONTROLLER_PORT, PRODUCER_PORT, LISTENER_PORT." >&2
    exit 1
  fi
done

build_if_needed

# Run copies, so a ./mvnw package while the pipeline runs cannot replace a jar under a running JVM (it then fails
# to load classes, typically during shutdown).
RUN_JARS=.local/jars
mkdir -p "$DATA_DIR" "$LOG_DIR" "$RUN_JARS"
for jar in "$KAFKA_JAR" "$PRODUCER_JAR" "$LISTENER_JAR"; do
  cp "$jar" "$RUN_JARS/.copy" && mv -f "$RUN_JARS/.copy" "$RUN_JARS/$(basename "$jar")"
done
KAFKA_JAR="$RUN_JARS/$(basename "$KAFKA_JAR")"
PRODUCER_JAR="$RUN_JARS/$(basename "$PRODUCER_JAR")"
LISTENER_JAR="$RUN_JARS/$(basename "$LISTENER_JAR")"
trap 'shutdown 0' INT TERM

say "starting Kafka on 127.0.0.1:$KAFKA_PORT (data in $DATA_DIR$KAFKA_NOTE)"
"$JAVA" -jar "$KAFKA_JAR" --host=127.0.0.1 --port="$KAFKA_PORT" --controller-port="$KAFKA_CONTROLLER_PORT" \
  --data-dir="$DATA_DIR" --log-file="$LOG_DIR/kafka.log" --security="$KAFKA_SECURITY" \
  >"$LOG_DIR/kafka-console.log" 2>&1 &
KAFKA_PID=$!
wait_until kafka "$KAFKA_PID" "$LOG_DIR/kafka-console.log" kafka_ready
say "Kafka is ready"
if [ "$SECURED" = 1 ]; then
  # Fails here, not in a service, if the broker left no usable credentials.
  TRUSTSTORE=$(credential KAFKA_TRUSTSTORE) && CA_PEM=$(credential KAFKA_CA_PEM) \
    && credential CLICKSTREAM_PRODUCER_KAFKA_PASSWORD >/dev/null && credential EVENT_LISTENER_KAFKA_PASSWORD >/dev/null \
    || fail_with_log "the secured broker's credentials are missing or incomplete" "$LOG_DIR/kafka-console.log"
  http_credentials || fail_with_log "cannot write $HTTP_CREDENTIALS" "$LOG_DIR/kafka-console.log"
  say "secured: truststore $TRUSTSTORE (PEM: $CA_PEM), Kafka users in $CREDENTIALS, HTTP users in $HTTP_CREDENTIALS"
fi

BOOTSTRAP="127.0.0.1:$KAFKA_PORT"
say "starting clickstream-producer on port $PRODUCER_PORT and event-listener on port $LISTENER_PORT"
(service_login CLICKSTREAM_PRODUCER && exec "$JAVA" @service-jvm.options -jar "$PRODUCER_JAR" --server.port="$PRODUCER_PORT" \
  --spring.kafka.bootstrap-servers="$BOOTSTRAP" --spring.profiles.active="$SERVICE_PROFILES") \
  >"$LOG_DIR/clickstream-producer.log" 2>&1 &
PRODUCER_PID=$!
(service_login EVENT_LISTENER && exec "$JAVA" @service-jvm.options -jar "$LISTENER_JAR" --server.port="$LISTENER_PORT" \
  --spring.kafka.bootstrap-servers="$BOOTSTRAP" --spring.profiles.active="$SERVICE_PROFILES" \
  --clickstream.dashboard.producer-url="http://127.0.0.1:$PRODUCER_PORT") \
  >"$LOG_DIR/event-listener.log" 2>&1 &
LISTENER_PID=$!
wait_until clickstream-producer "$PRODUCER_PID" "$LOG_DIR/clickstream-producer.log" health_up "$PRODUCER_PORT"
wait_until event-listener "$LISTENER_PID" "$LOG_DIR/event-listener.log" health_up "$LISTENER_PORT"

cat <<INFO

  The click-stream pipeline is running. Ctrl-C stops it.

  Counts (JSON)        http://localhost:$LISTENER_PORT/api/counts
  Windows (JSON)       http://localhost:$LISTENER_PORT/api/windows
  Users, products      http://localhost:$LISTENER_PORT/api/summary
  Topics (JSON)        http://localhost:$LISTENER_PORT/api/topics   .../api/topics/rates
  Generator (JSON)     http://localhost:$PRODUCER_PORT/api/generator
  Dashboard            http://localhost:$LISTENER_PORT/
  Listener actuator    http://localhost:$LISTENER_PORT/actuator/health   .../actuator/metrics   .../actuator/prometheus
  Producer actuator    http://localhost:$PRODUCER_PORT/actuator/health   .../actuator/metrics   .../actuator/prometheus
  Kafka                $BOOTSTRAP   (data in $DATA_DIR)
  Logs                 $LOG_DIR/kafka.log  $LOG_DIR/clickstream-producer.log  $LOG_DIR/event-listener.log
INFO
if [ "$SECURED" = 1 ]; then
  KCAT="kcat -F $DATA_DIR/secured/admin-kcat.conf"
  cat <<INFO
  Secured              SASL_SSL, SCRAM-SHA-512; each service logged in as its own user (docs/security.md)
  Truststore           $TRUSTSTORE   (PKCS12; the CA as PEM: $CA_PEM)
  Kafka users          $CREDENTIALS
  HTTP users           $HTTP_CREDENTIALS   (all but the health probes need one: curl -u operator:<password>)
  Admin client config  $DATA_DIR/secured/admin.properties   (kafka-*.sh --command-config)
  (kcat logs in with SCRAM to Kafka 4 from librdkafka 2.6.1 on; older ones are refused, edenhill/kcat#462)
INFO
else
  KCAT=kcat
fi
cat <<INFO

  Watch the topics with kcat (apt-get install kcat):
    $KCAT -b $BOOTSTRAP -C -t unique-event-topic -X isolation.level=read_committed -o end
    $KCAT -b $BOOTSTRAP -C -t event-topic -o end -f '%k %s\n'

INFO

# Until Ctrl-C or SIGTERM (the trap stops everything and exits 0), or until one of the three exits on its own.
while kill -0 "$KAFKA_PID" 2>/dev/null && kill -0 "$PRODUCER_PID" 2>/dev/null && kill -0 "$LISTENER_PID" 2>/dev/null; do
  sleep 1 &
  wait $! || true
done
exited_unexpectedly() {
  kill -0 "$2" 2>/dev/null || fail_with_log "$1 exited unexpectedly" "$3"
}
exited_unexpectedly kafka "$KAFKA_PID" "$LOG_DIR/kafka-console.log"
exited_unexpectedly clickstream-producer "$PRODUCER_PID" "$LOG_DIR/clickstream-producer.log"
exited_unexpectedly event-listener "$LISTENER_PID" "$LOG_DIR/event-listener.log"
