# One image recipe for both services; SERVICE names the module and PORT its HTTP port. From the repository root:
#   docker build --build-arg SERVICE=event-listener --build-arg PORT=8081 -t event-listener .
#   docker build --build-arg SERVICE=clickstream-producer --build-arg PORT=8080 -t clickstream-producer .
# Needs BuildKit (the default of Docker Engine 23+ and of Compose v2; DOCKER_BUILDKIT=1 before) for the Maven cache
# mount. It uses the engine's built-in Dockerfile frontend: no frontend image is fetched, so it builds offline too.
#
# Behind a TLS-inspecting proxy, put the proxy's CA certificate(s) as PEM files named *.crt in docker/extra-ca/: the
# build stage trusts them for downloading Maven and the dependencies. The final images do not carry them.

FROM eclipse-temurin:17-jdk-noble AS build
ARG SERVICE
RUN test -n "$SERVICE" || { echo "set --build-arg SERVICE=clickstream-producer or event-listener" >&2; exit 1; }
WORKDIR /workspace
COPY docker/extra-ca/ /tmp/extra-ca/
# Into the system store (for the wrapper's download) and the JDK's own cacerts (for Maven), where the base has them.
RUN set -eu; \
    for cert in /tmp/extra-ca/*.crt; do \
      [ -f "$cert" ] || continue; \
      cp "$cert" /usr/local/share/ca-certificates/; \
      if ! out=$(keytool -importcert -noprompt -cacerts -storepass changeit -alias "extra-$(basename "$cert")" \
          -file "$cert" 2>&1); then \
        echo "docker/extra-ca/$(basename "$cert") is not a PEM certificate: $out" >&2; exit 1; \
      fi; \
    done; \
    if command -v update-ca-certificates > /dev/null; then update-ca-certificates > /dev/null; fi
# The whole context (see .dockerignore): Maven loads the full reactor, so every module's pom.xml must be
# present even though -pl/-am builds only this service and the modules it depends on. Dependencies are
# kept across builds by the cache mount rather than a pom-only layer: dependency:go-offline cannot
# resolve the reactor's own SNAPSHOT modules.
COPY . .
# maven.gitcommitid.skip: .git is not in the context, so git-commit-id must not run if the build adds it.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -pl "$SERVICE" -am package -DskipTests -Dmaven.gitcommitid.skip=true
# Split the Boot jar into layers by how often they change: released libraries first, then the
# application with this repo's own modules (Boot puts reactor modules in the application layer).
# The extracted app.jar finds its libraries in lib/ through its manifest Class-Path.
RUN set -eu; \
    set -- "$SERVICE"/target/*.jar; \
    [ "$#" -eq 1 ] || { echo "expected exactly one jar, found: $*" >&2; exit 1; }; \
    cp "$1" app.jar; \
    java -Djarmode=tools -jar app.jar extract --layers --destination extracted

FROM eclipse-temurin:17-jre-noble
ARG PORT
RUN groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid app --no-create-home --shell /usr/sbin/nologin app
WORKDIR /app
COPY --from=build /workspace/extracted/dependencies/ ./
COPY --from=build /workspace/extracted/spring-boot-loader/ ./
COPY --from=build /workspace/extracted/snapshot-dependencies/ ./
COPY --from=build /workspace/extracted/application/ ./
COPY service-jvm.options ./jvm.options
# Files stay root-owned: the service only reads them.
USER 10001:10001
EXPOSE ${PORT}
# The services' JVM flags (heap cap, collector) from service-jvm.options; JAVA_OPTS comes after them and so overrides
# them, e.g. JAVA_OPTS=-Xmx512m. Arguments given to the container go to the service, e.g. --spring.profiles.active=...
ENTRYPOINT ["sh", "-c", "exec java @/app/jvm.options $JAVA_OPTS -jar /app/app.jar \"$@\"", "app"]
