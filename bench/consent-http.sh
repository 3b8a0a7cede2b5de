#!/usr/bin/env bash
# Consent decision benchmark (issue 4, BM-1/BM-2): Gardien in process and over HTTP (single and bulk), and in the same
# run the same policy on Cerbos (PDP server, HTTP) and on Cedar (cedar-wasm, in process). See bench/consent/README.md.
# Usage: bench/consent-http.sh            Settings (environment), defaults in brackets:
#   BENCH_SUBJECTS [3000]  BENCH_SECONDS [10] measured window per case  BENCH_WARMUP [5]  BENCH_CONNECTIONS [8]
#   BENCH_THREADS [2] wrk threads  BENCH_SAMPLES [2000000] in-process samples  BENCH_SKIP_BUILD [0]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
java=$JAVA_HOME/bin/java
subjects=${BENCH_SUBJECTS:-3000}
seconds=${BENCH_SECONDS:-10}
warmup=${BENCH_WARMUP:-5}
connections=${BENCH_CONNECTIONS:-8}
threads=${BENCH_THREADS:-2}
gardien_port=${BENCH_GARDIEN_PORT:-18080}
gardien=http://127.0.0.1:$gardien_port
cerbos=http://127.0.0.1:3592
password=bench-password-$(echo "$RANDOM$RANDOM" | sed "s/./&./g") # no "1234" in it: the password rule refuses a simple sequence

# Tools: wrk from Debian, Cerbos and Cedar from npm into bench/consent/node_modules.
if ! command -v wrk > /dev/null; then
    if [[ $(id -u) == 0 ]]; then apt-get install -y -qq wrk > /dev/null; else echo "needs wrk (apt-get install wrk)" >&2; exit 1; fi
fi
(cd bench/consent && npm install --no-audit --no-fund --silent)
cerbos_bin=$root/bench/consent/node_modules/@cerbos/cerbos-linux-x64/cerbos-linux-x64
if [[ ${BENCH_SKIP_BUILD:-0} != 1 ]]; then
    ./mvnw -q -B -ntp -DskipTests -Dspotless.check.skip=true package
fi
./mvnw -q -B -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
jar=$(ls target/gardien-*.jar | grep -v plain | head -1)

mkdir -p bench/results
out=bench/results/consent-$(date -u +%Y%m%dT%H%M%SZ).txt

main() {
    work=$(mktemp -d /tmp/gardien-consent-bench.XXXXXX)
    pids=()
    trap 'for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done; wait; rm -rf "$work"' EXIT
    results=$work/results.txt
    echo "date:    $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "commit:  $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src pom.xml || echo ' + uncommitted changes')"
    echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
        "$(free -g | awk '/^Mem:/ {print $2}') GB RAM; load generator, Gardien and Cerbos share all cores"
    echo "jdk:     $("$java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.runtime.version/ {print $2}')"
    echo "cerbos:  $("$cerbos_bin" --version 2>&1 | head -1); node $(node --version); $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)"
    echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) at the start"
    echo

    # Gardien: the packaged jar on an embedded H2 database in a fresh data directory, demo data map (its purposes).
    GARDIEN_DATA_DIR=$work/data GARDIEN_BOOTSTRAP_PASSWORD=$password SERVER_PORT=$gardien_port \
        "$java" -Xms1g -Xmx1g -jar "$jar" > "$work/gardien.log" 2>&1 &
    pids+=($!)
    (cd bench/consent/cerbos && exec "$cerbos_bin" server --config=config.yaml --log-level=warn) > "$work/cerbos.log" 2>&1 &
    pids+=($!)
    for _ in $(seq 1 120); do
        curl -fs "$gardien/actuator/health/readiness" > /dev/null && curl -fs "$cerbos/_cerbos/health" > /dev/null && break
        sleep 1
    done
    curl -fs "$gardien/actuator/health/readiness" > /dev/null || { tail -50 "$work/gardien.log"; exit 1; }
    token=$(curl -fs -u "officer:$password" -H 'Content-Type: application/json' \
        -d '{"name":"consent-bench","roles":["PRIVACY_OFFICER"]}' "$gardien/api/v1/tokens" \
        | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).token))')

    node bench/consent/workload.mjs "$gardien" "$token" "$work" "$subjects"
    node bench/consent/check.mjs "$work" "$gardien" "$token" "$cerbos"
    echo

    classpath="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
    "$java" -cp "$classpath" ca.gardien.consent.DecisionBench "${BENCH_SAMPLES:-2000000}" | grep -v ' INFO ' \
        | tee -a "$results"
    node bench/consent/cedar-bench.mjs "$work" | tee -a "$results"
    echo

    # Closed loop on keep-alive connections: a warm-up run, then the measured run, with the CPU time the server used
    # during it (utime + stime of its process). Arguments: name, server process, URL, request file, bearer token.
    run() {
        local name=$1 pid=$2 url=$3 file=$4 auth=${5:-} line cpu0 cpu1 cpu
        local wrk_args=(-t"$threads" -c"$connections" --timeout 30s -s bench/consent/request.lua "$url")
        wrk "${wrk_args[@]}" -d"${warmup}s" -- "$work/$file" "$auth" > /dev/null
        cpu0=$(awk '{print $14 + $15}' "/proc/$pid/stat")
        line=$(wrk "${wrk_args[@]}" -d"${seconds}s" -- "$work/$file" "$auth" | grep '^RESULT ')
        cpu1=$(awk '{print $14 + $15}' "/proc/$pid/stat")
        cpu=$(awk -v a="$cpu0" -v b="$cpu1" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", (b - a) / hz }')
        echo "$name {\"cpuSeconds\":$cpu,${line#RESULT \{}" | tee -a "$results"
    }
    gardien_pid=${pids[0]}
    cerbos_pid=${pids[1]}
    # The JVM compiles its hot paths only under load (Cerbos is compiled ahead of time): warm both up first.
    echo "warming up Gardien and Cerbos (${BENCH_JIT_WARMUP:-30} s each)"
    wrk -t"$threads" -c"$connections" -d"${BENCH_JIT_WARMUP:-30}s" -s bench/consent/request.lua "$gardien" \
        -- "$work/gardien-single.txt" "$token" > /dev/null
    wrk -t"$threads" -c"$connections" -d"${BENCH_JIT_WARMUP:-30}s" -s bench/consent/request.lua "$cerbos" \
        -- "$work/cerbos-single.txt" > /dev/null
    run "gardien-single 1" "$gardien_pid" "$gardien" gardien-single.txt "$token"
    run "cerbos-single 1" "$cerbos_pid" "$cerbos" cerbos-single.txt
    run "gardien-bulk 500" "$gardien_pid" "$gardien" gardien-bulk-500.txt "$token"
    run "gardien-bulk 1000" "$gardien_pid" "$gardien" gardien-bulk-1000.txt "$token"
    run "gardien-bulk 10000" "$gardien_pid" "$gardien" gardien-bulk-10000.txt "$token"
    run "cerbos-bulk 500" "$cerbos_pid" "$cerbos" cerbos-bulk-500.txt
    echo
    echo "HTTP: wrk, $threads threads, $connections keep-alive connections (closed loop), ${seconds} s measured after ${warmup} s" \
        "of warm-up; $subjects subjects; loopback"
    node bench/consent/table.mjs "$results"
    echo
    echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) at the end"
}

main 2>&1 | tee "$out"
echo "(saved in $out)"
