# syntax=docker/dockerfile:1
# Lockbox's two production deployables, built from this repository:
#   docker build --target worker -t lockbox-worker .
#   docker build --target api -t lockbox-api .
# (docker compose builds both.) Each image holds one Spring Boot executable jar and a JRE, runs as
# an unprivileged user, and never contains the embedded Temporal test server: that lives only in
# local/target/lockbox.jar, which is not built here.

FROM maven:3.9.11-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
# The cache mount keeps downloaded dependencies between builds without putting them in a layer.
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -DskipTests -pl worker,api -am package

FROM eclipse-temurin:17.0.16_8-jre-noble AS runtime
# curl for the compose health checks; installed here, not assumed from the base image.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 lockbox \
    && useradd --system --uid 10001 --gid lockbox --no-create-home --shell /usr/sbin/nologin lockbox \
    && mkdir -p /var/lib/lockbox/audit-archive \
    && chown -R lockbox:lockbox /var/lib/lockbox
# A named volume mounted there starts with this ownership, so the worker may write its archive.
WORKDIR /app
# Size the heap from the container's memory limit rather than the host's.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
USER 10001:10001

FROM runtime AS worker
COPY --from=build /src/worker/target/lockbox-worker-*-exec.jar /app/lockbox-worker.jar
EXPOSE 8081
ENTRYPOINT ["java", "-jar", "/app/lockbox-worker.jar"]

FROM runtime AS api
COPY --from=build /src/api/target/lockbox-api-*-exec.jar /app/lockbox-api.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/lockbox-api.jar"]
