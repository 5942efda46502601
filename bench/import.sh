#!/usr/bin/env bash
# Import benchmark: a generated county of 21 townships x 15 villages x 2 years, imported into a fresh
# database and compared with PostgreSQL's own COPY of the same files; prints rows/s and peak heap.
# Usage: bench/import.sh [TOWNSHIPS VILLAGES SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -pl server -am -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
T=${1:-21}; V=${2:-15}; S=${3:-42}
OUT=bench/out/county-$T-$V-$S
if [ ! -f "$OUT/manifest.json" ]; then
  rm -rf "$OUT"
  (cd bench/out 2>/dev/null || mkdir -p bench/out)
  java -jar server/target/qinglian.jar demo --townships "$T" --villages "$V" --seed "$S" --out "$OUT" --no-load
fi
java -Xmx1g -cp "server/target/test-classes:server/target/classes:$(cat server/target/bench.classpath)" org.qinglian.bench.ImportBenchmark "$OUT"
