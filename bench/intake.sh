#!/usr/bin/env bash
# Intake benchmark: a real server (the jar, embedded PostgreSQL with synchronous_commit on, rate limit off) takes
# anonymous reports through the public API from many clients; prints accepted reports/s and p99 latency. Then the
# same load again, the server and its database killed with kill -9 in the middle, a restart, and every receipt the
# server had returned looked up: prints the count lost.
# Usage: bench/intake.sh [SECONDS CLIENTS]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -pl server -am -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
SECONDS_RUN=${1:-30}; CLIENTS=${2:-64}
PORT=18089
RUN=bench/out/intake
CP="server/target/test-classes:server/target/classes:$(cat server/target/bench.classpath)"
rm -rf "$RUN"; mkdir -p "$RUN"
export QINGLIAN_DB_DATA_DIR=$RUN/pg QINGLIAN_KEYS_DIR=$RUN/keys QINGLIAN_AUDIT_CHECKPOINT_DIR=$RUN/audit
java -jar server/target/qinglian.jar import ../shared/data/dev-sample > "$RUN/import.log" 2>&1
VILLAGE=$(awk -F, '$3 == "village" { print $1; exit }' ../shared/data/dev-sample/regions.csv)
start() {
  java -Xmx512m -jar server/target/qinglian.jar serve --server.port=$PORT --qinglian.intake.rate-limit=0 \
    >> "$RUN/server.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 120); do curl -s -o /dev/null "http://localhost:$PORT/public/report" && return 0; sleep 0.5; done
  echo "the server did not start: see $RUN/server.log" >&2; exit 1
}
postmaster() { head -1 "$RUN/pg/postmaster.pid" 2>/dev/null || true; }
start
echo "synchronous_commit=on (the embedded server starts PostgreSQL with -c synchronous_commit=on)"
echo "== throughput: $CLIENTS clients, $SECONDS_RUN s, village $VILLAGE"
java -cp "$CP" org.qinglian.bench.IntakeBenchmark load "http://localhost:$PORT" "$VILLAGE" 5 "$CLIENTS" "$RUN/warmup.txt" > /dev/null
java -cp "$CP" org.qinglian.bench.IntakeBenchmark load "http://localhost:$PORT" "$VILLAGE" "$SECONDS_RUN" "$CLIENTS" "$RUN/receipts.txt"
echo "== kill -9 in the middle"
: > "$RUN/killed.txt"
java -cp "$CP" org.qinglian.bench.IntakeBenchmark load "http://localhost:$PORT" "$VILLAGE" 20 "$CLIENTS" "$RUN/killed.txt" &
LOAD=$!
sleep 6
PG=$(postmaster)
kill -9 "$SERVER"; [ -n "$PG" ] && kill -9 "$PG" || true
wait "$LOAD" || true
sleep 1
start
java -cp "$CP" org.qinglian.bench.IntakeBenchmark verify "http://localhost:$PORT" "$RUN/killed.txt"
kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
