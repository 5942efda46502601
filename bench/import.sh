#!/usr/bin/env bash
# Import benchmark: a generated county of 21 townships x 15 villages x 2 years, imported into a fresh
# database and compared with PostgreSQL's own COPY of the same files; prints rows/s and peak heap.
# A cold JVM is one sample: the benchmark runs in COLD_JVMS fresh JVMs (default 3) with the options
# bin/qinglian gives a command (bin/command.options), and as many with the JVM's defaults (as `java -jar`
# runs a command, and as the server runs: the first of these also imports four more times, warm, as a
# server does its second import), by turns; the cold figures of each kind are summed up as their median.
# The JVMs are the Java of JAVA_HOME when it is set, else the `java` on the PATH.
# Usage: bench/import.sh [TOWNSHIPS VILLAGES SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -pl server -am -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
T=${1:-21}; V=${2:-15}; S=${3:-42}
OUT=bench/out/county-$T-$V-$S
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if [ ! -f "$OUT/manifest.json" ]; then
  rm -rf "$OUT"
  (cd bench/out 2>/dev/null || mkdir -p bench/out)
  "$JAVA" -jar server/target/qinglian.jar demo --townships "$T" --villages "$V" --seed "$S" --out "$OUT" --no-load
fi
CP="server/target/test-classes:server/target/classes:$(cat server/target/bench.classpath)"
echo "java: $("$JAVA" -version 2>&1 | head -1), $(nproc) cores"
LOG=$(mktemp); DEF=$(mktemp)
for i in $(seq "${COLD_JVMS:-3}"); do
  echo "== JVM $i, with the options of bin/qinglian's commands (bin/command.options)"
  "$JAVA" -Xmx1g @bin/command.options -cp "$CP" org.qinglian.bench.ImportBenchmark "$OUT" 1 | tee -a "$LOG"
  echo "== JVM $i, with the JVM's defaults (as java -jar runs a command, and the server)"
  "$JAVA" -Xmx1g -cp "$CP" org.qinglian.bench.ImportBenchmark "$OUT" "$([ "$i" = 1 ] && echo 5 || echo 1)" | tee -a "$DEF"
done
median() {
  grep '^import, cold JVM' "$1" | sed -E 's/.* ([0-9.]+) of typed \+ keys.*/\1/' | sort -n \
    | awk -v what="$2" '{r[NR]=$1} END {printf "cold import, %s: %s of typed COPY + keys (median of %d: %s)\n", what, r[int((NR+1)/2)], NR, (NR>1 ? r[1] " .. " r[NR] : r[1])}'
}
echo "== cold JVMs (import, cold / typed COPY + keys, each against the floor of its own run)"
median "$LOG" "bin/qinglian's command JVM"
median "$DEF" "the JVM's defaults"
rm -f "$LOG" "$DEF"
