#!/bin/sh
# Runs a class of the Kafka distribution with its libraries, logging warnings to stderr, as the official scripts do.
exec java ${KAFKA_OPTS:-} -Dlog4j2.configurationFile=/etc/kafka/docker/tools-log4j2.yaml -cp "/opt/kafka/libs/*" "$@"
