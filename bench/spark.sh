#!/usr/bin/env bash
# The province scan on Spark (local[*], this machine) over 1, 10 and 60 generated counties, beside the platform's
# scan of one of them (PostgreSQL) in the same run; each county T townships x V villages, its own county code.
# Usage: bench/spark.sh [T V] [COUNTS]   (default: 2 8 "1 10 60")
set -euo pipefail
cd "$(dirname "$0")/.."
T=${1:-2}; V=${2:-8}; COUNTS=${3:-"1 10 60"}
./mvnw -q -B -DskipTests package
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
export QINGLIAN_DB_DATA_DIR=$WORK/pg QINGLIAN_KEYS_DIR=$WORK/keys QINGLIAN_AUDIT_CHECKPOINT_DIR=$WORK/audit
MAX=0; for n in $COUNTS; do [ "$n" -gt "$MAX" ] && MAX=$n; done
bundles=()
for i in $(seq 1 "$MAX"); do
  code=$((330100 + i))
  out=bench/out/province/county-$T-$V-$code
  [ -f "$out/manifest.json" ] || java -jar server/target/qinglian.jar demo --townships "$T" --villages "$V" --seed "$i" \
    --county "$code" --out "$out" --no-load >/dev/null
  bundles+=("$out")
done
now() { date +%s.%N; }
echo "date: $(date -u +%F) machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GB, $(java -version 2>&1 | head -1)"
echo "county: $T townships x $V villages, $(tail -n +2 -q "${bundles[0]}"/*.csv | wc -l) rows"
java -jar server/target/qinglian.jar import "${bundles[0]}" >/dev/null
t0=$(now); java -jar server/target/qinglian.jar scan --all --out "$WORK/platform.csv" >"$WORK/scan.txt"; t1=$(now)
printf "platform scan of 1 county (PostgreSQL): whole process %.1f s, %s\n" "$(echo "$t1 - $t0" | bc)" \
  "$(grep -o "in [0-9.]* s" "$WORK/scan.txt" | head -1)"
for n in $COUNTS; do
  t0=$(now)
  if ! java -Xmx${SPARK_XMX:-4g} -jar province/target/qinglian-province.jar --out "$WORK/province-$n.csv" \
      "${bundles[@]:0:$n}" >"$WORK/spark-$n.out" 2>"$WORK/spark-$n.err"; then
    tail -30 "$WORK/spark-$n.err" >&2; exit 1
  fi
  tail -1 "$WORK/spark-$n.out"
  t1=$(now)
  printf "spark, %2d counties: whole process %.1f s, %d findings\n" "$n" "$(echo "$t1 - $t0" | bc)" \
    "$(($(wc -l < "$WORK/province-$n.csv") - 1))"
done
# the first county's findings: the same on both engines, alone and among all the others
FIRST=$(jq -r .county_code "${bundles[0]}/manifest.json" 2>/dev/null || grep -o '"county_code": *"[0-9]*"' "${bundles[0]}/manifest.json" | grep -o '[0-9]\{6\}')
for n in $COUNTS; do
  if diff <(python3 -c 'import csv, sys
for r in csv.reader(open(sys.argv[1], encoding="utf-8")):
    if r[4].startswith(sys.argv[2]): print(",".join(r))' "$WORK/province-$n.csv" "$FIRST" | sort) \
      <(python3 -c 'import csv, sys
for r in csv.reader(open(sys.argv[1], encoding="utf-8")):
    if r[0] != "finding_id": print(",".join(r))' "$WORK/platform.csv" | sort) >/dev/null; then
    echo "county $FIRST among $n: Spark's findings are the platform's ($(($(wc -l < "$WORK/platform.csv") - 1)))"
  else
    echo "county $FIRST among $n: Spark's findings DIFFER from the platform's"; exit 1
  fi
done
