#!/usr/bin/env bash
# Detection benchmark: imports a labelled bundle, scans, scores findings against the labels per scheme.
# Usage: bench/detection.sh [BUNDLE] [-v]     (default: ../shared/data/dev-sample)
#        bench/detection.sh --demo TOWNSHIPS VILLAGES SEED [-v]   (a county from the project's own generator)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -pl server -am -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
if [ "${1:-}" = "--demo" ]; then
  OUT=bench/out/county-$2-$3-$4
  [ -f "$OUT/manifest.json" ] || java -jar server/target/qinglian.jar demo --townships "$2" --villages "$3" --seed "$4" --out "$OUT" --no-load
  BUNDLE=$OUT; shift 4
else
  BUNDLE=${1:-../shared/data/dev-sample}; [ $# -gt 0 ] && shift
fi
java -Xmx2g -cp "server/target/test-classes:server/target/classes:$(cat server/target/bench.classpath)" org.qinglian.bench.DetectionBenchmark "$BUNDLE" "$@"
