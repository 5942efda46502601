#!/usr/bin/env bash
# Import benchmark: a generated county of 21 townships x 15 villages x 2 years, imported into a fresh
# database and compared with PostgreSQL's own COPY of the same files; prints rows/s and peak heap.
# Usage: bench/import.sh [TOWNSHIPS VILLAGES SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
T=${1:-21}; V=${2:-15}; S=${3:-42}
OUT=bench/out/county-$T-$V-$S
./mvnw -q -B -DskipTests package test-compile
if [ ! -f "$OUT/manifest.json" ]; then
  rm -rf "$OUT"
  (cd bench/out 2>/dev/null || mkdir -p bench/out)
  java -jar target/qinglian.jar demo --townships "$T" --villages "$V" --seed "$S" --out "$OUT" --no-load
fi
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.qinglian.bench.ImportBenchmark "$OUT"
