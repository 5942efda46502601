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
LOG=$(mktemp); DEF=$(mktemp); trap 'rm -f "$LOG" "$DEF"' EXIT
command_jvm() {
  echo "== JVM $i, with the options of bin/qinglian's commands (bin/command.options)"
  "$JAVA" -Xmx1g @bin/command.options -cp "$CP" org.qinglian.bench.ImportBenchmark "$OUT" 1 | tee -a "$LOG"
}
default_jvm() {
  echo "== JVM $i, with the JVM's defaults (as java -jar runs a command, and the server)"
  "$JAVA" -Xmx1g -cp "$CP" org.qinglian.bench.ImportBenchmark "$OUT" "$([ "$i" = 1 ] && echo 5 || echo 1)" | tee -a "$DEF"
}
# by turns, the order swapped every other time (neither kind always follows the other)
for i in $(seq "${COLD_JVMS:-3}"); do
  if [ $((i % 2)) = 1 ]; then command_jvm; default_jvm; else default_jvm; command_jvm; fi
done
# the median of the numbers on standard input (of the two middle ones when they are even)
median() { sort -n | awk '{r[NR]=$1} END {if (NR == 0) print "none"; else if (NR % 2) printf "%.2f\n", r[(NR+1)/2]; else printf "%.2f\n", (r[NR/2]+r[NR/2+1])/2}'; }
seconds() { grep -E "^$2" "$1" | sed -E "s/^$2 +([0-9.]+) s.*/\1/"; }
# each kind's cold imports against one floor, that of all the JVMs of both kinds (each JVM measures it, and a
# JVM's kind could move its own)
FLOOR=$(cat "$LOG" "$DEF" | seconds /dev/stdin "typed COPY \+ keys" | median)
echo "== cold JVMs: the floor (typed COPY + keys), median of all $(( $(cat "$LOG" "$DEF" | grep -c '^typed COPY + keys') )) JVMs: $FLOOR s" \
  "(bin/qinglian's command JVMs: $(seconds "$LOG" "typed COPY \+ keys" | median) s; the JVM's defaults: $(seconds "$DEF" "typed COPY \+ keys" | median) s)"
for kind in "$LOG:bin/qinglian's command JVM" "$DEF:the JVM's defaults"; do
  f=${kind%%:*}; what=${kind#*:}
  s=$(seconds "$f" "import, cold JVM" | median)
  echo "cold import, $what: $s s (median of $(seconds "$f" "import, cold JVM" | sort -n | tr '\n' ' ')s) =" \
    "$(echo "$FLOOR / $s" | bc -l | xargs printf "%.2f") of typed COPY + keys" \
    "(each JVM against its own floor: $(grep '^import, cold JVM' "$f" | sed -E 's/.* ([0-9.]+) of typed \+ keys.*/\1/' | sort -n | tr '\n' ' '))"
done
