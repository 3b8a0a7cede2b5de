#!/bin/sh
# Retention sweep benchmark (bench/retention/README.md): a Gardien sweep's rows/s against raw set-based statements on
# a copy of the same generated PostgreSQL shop, and an OLTP load's p99 during a sweep against the same load alone.
# Usage: bench/retention/run.sh   Settings: BENCH_ORDERS=100000 BENCH_OLTP_THREADS=4 BENCH_HEAP=512m
#        GARDIEN_BENCH_POSTGRES_URL (else GARDIEN_TEST_POSTGRES_URL, else the local test database)
set -e
cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -B -q test-compile -Dspotless.check.skip=true
rm -rf target/bench-retention && mkdir -p target/bench-retention
cp -r target/classes target/test-classes target/bench-retention/
CP="target/bench-retention/classes:target/bench-retention/test-classes:$(./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)"
mkdir -p bench/results
out=bench/results/retention-$(date -u +%Y%m%dT%H%M%SZ).txt
{
    echo "date:    $(date -u +%Y-%m-%dT%H:%M:%SZ)  commit: $(git rev-parse --short HEAD)"
    echo "machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GB RAM; load $(cut -d' ' -f1-3 /proc/loadavg)"
    "$JAVA_HOME/bin/java" -Xmx"${BENCH_HEAP:-512m}" -cp "$CP" ca.gardien.retention.RetentionSweepBench 2>&1 \
        | grep -E '^(generated|sweep|oltp|Exception|Caused)'
    echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$out"
