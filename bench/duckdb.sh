#!/usr/bin/env bash
# The platform's scan beside a second, independent reading of the same rules on DuckDB, on the same bundle, in
# one run: both as whole processes and their rules alone, and the two compared finding for finding.
# Usage: bench/duckdb.sh [BUNDLE]   (default: the generated 21 x 15 county; ../shared/data/dev-sample works too)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -pl server -am -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
BUNDLE=${1:-bench/out/county-21-15-42}
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
export QINGLIAN_DB_DATA_DIR=$WORK/pg QINGLIAN_KEYS_DIR=$WORK/keys QINGLIAN_AUDIT_CHECKPOINT_DIR=$WORK/audit
[ -f "$BUNDLE/manifest.json" ] || java -jar server/target/qinglian.jar demo --townships 21 --villages 15 --seed 42 --out "$BUNDLE" --no-load
now() { date +%s.%N; }
echo "date: $(date -u +%F) machine: $(nproc) cores, $(java -version 2>&1 | head -1); bundle: $BUNDLE"
java -jar server/target/qinglian.jar import "$BUNDLE" >/dev/null
bin/qinglian help >/dev/null 2>&1 || true
for i in 1 2 3; do
  t0=$(now); java -jar server/target/qinglian.jar scan --all --out "$WORK/findings.csv" >"$WORK/scan.txt"; t1=$(now)
  t2=$(now); bin/qinglian scan --all >"$WORK/scan2.txt"; t3=$(now)
  t4=$(now); java -cp "server/target/test-classes:$(cat server/target/bench.classpath)" org.qinglian.bench.DuckDbReading "$BUNDLE" \
    >"$WORK/duck.txt" 2>&1 || true; t5=$(now)
  printf "run %d: platform scan: rules %s s, whole process %.2f s (java -jar), %.2f s (bin/qinglian) | duckdb whole process %.2f s: %s\n" \
    "$i" "$(grep -o "in [0-9.]* s" "$WORK/scan.txt" | grep -o "[0-9.]*" | head -1)" "$(echo "$t1 - $t0" | bc)" \
    "$(echo "$t3 - $t2" | bc)" "$(echo "$t5 - $t4" | bc)" "$(head -1 "$WORK/duck.txt")"
done
java -cp "server/target/test-classes:$(cat server/target/bench.classpath)" org.qinglian.bench.DuckDbReading "$BUNDLE" "$WORK/findings.csv"
