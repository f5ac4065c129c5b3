#!/usr/bin/env bash
# Builds local stand-ins for the base images docker-compose.yml and the Dockerfile name, for an engine that cannot
# pull them (no registry reachable). Each is tagged with the official name, so the files build unchanged; an engine
# that can pull keeps using the official images, since this script is never run there.
#   eclipse-temurin:17-jdk-noble, eclipse-temurin:17-jre-noble   Debian bookworm (debootstrap) with its OpenJDK 17
#   apache/kafka:4.1.2                                           Kafka 4.1.2's jars from Maven Central on that JRE
# Needs root, debootstrap and a Docker engine; DOCKER names the client (default: docker).
set -euo pipefail
cd "$(dirname "$0")"
DOCKER=${DOCKER:-docker}

# debootstrap of Debian's minimal base plus the packages, imported as one layer; skipped if the tag exists.
base_image() {
  local tag=$1 packages=$2
  if "$DOCKER" image inspect "$tag" > /dev/null 2>&1; then
    echo "[stand-ins] $tag exists"
    return
  fi
  local root
  root=$(mktemp -d)
  echo "[stand-ins] debootstrap for $tag: $packages"
  debootstrap --variant=minbase --include="$packages" bookworm "$root" > "$root.log" 2>&1 \
    || { tail -n 20 "$root.log" >&2; exit 1; }
  tar -C "$root" -c . | "$DOCKER" import - "$tag" > /dev/null
  rm -rf "$root" "$root.log"
}

base_image eclipse-temurin:17-jdk-noble openjdk-17-jdk-headless,curl,ca-certificates,passwd
base_image eclipse-temurin:17-jre-noble openjdk-17-jre-headless,curl,ca-certificates,passwd

echo "[stand-ins] apache/kafka:4.1.2"
../../mvnw -q -B -f kafka/pom.xml dependency:copy-dependencies -DoutputDirectory="$PWD/kafka/libs" -DincludeScope=runtime
"$DOCKER" build -q -t apache/kafka:4.1.2 kafka > /dev/null
"$DOCKER" images --format '[stand-ins] {{.Repository}}:{{.Tag}} {{.Size}}' | grep -E 'eclipse-temurin|apache/kafka'
