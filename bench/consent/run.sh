#!/bin/sh
# In-process consent decision benchmark: p50, p99 and decisions/s of the decision hot path (see DecisionBench).
# Usage: bench/consent/run.sh [samples]   (needs JAVA_HOME pointing to a JDK >= 21)
set -e
cd "$(dirname "$0")/../.."
./mvnw -B -q test-compile -Dspotless.check.skip=true
CP="target/classes:target/test-classes:$(./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"
"$JAVA_HOME/bin/java" -cp "$CP" ca.gardien.consent.DecisionBench "$@"
