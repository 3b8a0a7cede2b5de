#!/usr/bin/env bash
# Lists benchmark (issue 13): queue, consent history and ledger pages vs a bare SELECT of the same page, same run.
# Usage: bench/lists/run.sh [requests consent-records ledger-entries iterations]
#   full size (default): 100000 1000000 5000000 200      quick: bench/lists/run.sh 10000 100000 500000 50
# Database: GARDIEN_BENCH_POSTGRES_URL, else GARDIEN_TEST_POSTGRES_URL, else jdbc:postgresql://127.0.0.1:5432/test?user=postgres
# (a fresh schema gardien_lists_bench_<uuid>, dropped at the end).
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
java=$JAVA_HOME/bin/java
./mvnw -q -B -o -DskipTests test-compile
./mvnw -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
classpath="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
mkdir -p bench/results
out=bench/results/lists-$(date -u +%Y%m%dT%H%M%SZ).txt
{
    echo "date:    $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "commit:  $(git rev-parse --short HEAD)"
    echo "machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GB RAM; load $(cut -d' ' -f1-3 /proc/loadavg)"
    "$java" -Xmx1g -cp "$classpath" ca.gardien.console.ListsBenchmark "$@" | grep -v '^[0-9-]*T[0-9:.]*'
} 2>&1 | tee "$out"
echo "(saved in $out)"
