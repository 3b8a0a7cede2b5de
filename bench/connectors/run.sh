#!/bin/sh
# Connector benchmark (bench/connectors/README.md): generated PostgreSQL CRM of 10+ M rows; per-subject export and
# erasure through Gardien vs hand-written SQL in the same run; peak heap exporting a 1 M-row subject under a heap cap.
# Usage: bench/connectors/run.sh   Settings: BENCH_CUSTOMERS=1000000 BENCH_SUBJECTS=1000 BENCH_HEAVY_ROWS=1000000
#        BENCH_HEAP=256m GARDIEN_BENCH_POSTGRES_URL (else GARDIEN_TEST_POSTGRES_URL, else local test database)
set -e
cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -B -q test-compile -Dspotless.check.skip=true
# A private copy of the classes: rebuilding the project during a long run must not change what it loads.
rm -rf target/bench-connectors && mkdir -p target/bench-connectors
cp -r target/classes target/test-classes target/bench-connectors/
CP="target/bench-connectors/classes:target/bench-connectors/test-classes:$(./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)"
mkdir -p bench/results
out=bench/results/connectors-$(date -u +%Y%m%dT%H%M%SZ).txt
{
    echo "date:    $(date -u +%Y-%m-%dT%H:%M:%SZ)  commit: $(git rev-parse --short HEAD)"
    echo "machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GB RAM; load $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "heap cap: -Xmx${BENCH_HEAP:-256m}"
    "$JAVA_HOME/bin/java" -Xmx"${BENCH_HEAP:-256m}" -cp "$CP" ca.gardien.connectors.ConnectorBench 2>&1 \
        | grep -E '^(generated|export|erase|heavy)'
    echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$out"
