#!/usr/bin/env bash
# Runs the ledger benchmarks (bench/README.md) and records the machine, the JDK and the commit with the figures.
# Usage: bench/run.sh [verify|append|all]      (default all; needs PostgreSQL for "append")
# Settings (environment): BENCH_CONCURRENCY=1,8  BENCH_SECONDS=5  BENCH_ROUNDS=3  BENCH_WARMUP=3  BENCH_ENTRIES=1000000
#   GARDIEN_BENCH_POSTGRES_URL (else GARDIEN_TEST_POSTGRES_URL, else jdbc:postgresql://127.0.0.1:5432/test?user=postgres)
set -euo pipefail
cd "$(dirname "$0")/.."
which=${1:-all}

export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
java=$JAVA_HOME/bin/java
./mvnw -q -B -DskipTests test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
classpath="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"

mkdir -p bench/results
out=bench/results/$(date -u +%Y%m%dT%H%M%SZ).txt
{
    echo "date:    $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "commit:  $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src pom.xml || echo ' + uncommitted changes')"
    echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
        "$(free -g | awk '/^Mem:/ {print $2}') GB RAM"
    echo "jdk:     $("$java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.runtime.version/ {print $2}')" \
        "($java)"
    echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) at the start"
    echo
    if [[ $which == all || $which == verify ]]; then
        "$java" -Xms4g -Xmx4g -XX:+AlwaysPreTouch -cp "$classpath" ca.gardien.ledger.LedgerVerifyBenchmark "${BENCH_ENTRIES:-1000000}" \
            | grep -v ' INFO '
        echo
    fi
    if [[ $which == all || $which == append ]]; then
        "$java" -cp "$classpath" ca.gardien.ledger.LedgerAppendBenchmark \
            "${BENCH_CONCURRENCY:-1,8}" "${BENCH_SECONDS:-5}" "${BENCH_WARMUP:-3}" "${BENCH_ROUNDS:-3}" | grep -v '^[0-9-]*T[0-9:.]*Z '
        echo
    fi
    echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) at the end"
} 2>&1 | tee "$out"
echo "(saved in $out)"
