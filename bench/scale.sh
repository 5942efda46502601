#!/usr/bin/env bash
# One county on one machine, as a user runs the platform: whole processes, each figure beside its anchor.
#   - import of a generated county in a cold JVM, then the same unchanged bundle again (bar: at most 1/5);
#   - how long a command takes before its own work, and the whole scan (scan --all), with `java -jar` and with bin/qinglian
#     (the extracted jar and its class-data-sharing archive) (bar: first work within 3 s);
#   - the server's later start on that data, until /login answers (bar: 8 s);
#   - an import touching one village, then the incremental scan beside scan --all on the same data;
#   - with --memory: the ten times larger county imported and scanned in -Xmx512m.
# Usage: bench/scale.sh [TOWNSHIPS VILLAGES SEED] [--memory]
set -euo pipefail
cd "$(dirname "$0")/.."
T=${1:-21}; V=${2:-15}; S=${3:-42}
MEMORY=false; for a in "$@"; do [ "$a" = "--memory" ] && MEMORY=true; done
./mvnw -q -B -pl server -am -DskipTests package
OUT=bench/out/county-$T-$V-$S
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
export QINGLIAN_DB_DATA_DIR=$WORK/pg QINGLIAN_KEYS_DIR=$WORK/keys QINGLIAN_AUDIT_CHECKPOINT_DIR=$WORK/audit
[ -f "$OUT/manifest.json" ] || java -jar server/target/qinglian.jar demo --townships "$T" --villages "$V" --seed "$S" --out "$OUT" --no-load
now() { date +%s.%N; }
# run HOW ARGS...: the platform as `java -jar` or as bin/qinglian, timing its start
run() {
  local how=$1; shift
  if [ "$how" = jar ]; then exec java -Dqinglian.timing=true ${JAVA_OPTS:-} -jar server/target/qinglian.jar "$@"
  else JAVA_OPTS="-Dqinglian.timing=true ${JAVA_OPTS:-}" exec bin/qinglian "$@"; fi
}
secs() { echo "$2 - $1" | bc -l | xargs printf "%.2f"; }
bin/qinglian help >/dev/null 2>&1 || true   # extracts the jar and records its archive, once after a build
echo "date: $(date -u +%F) machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB, $(java -version 2>&1 | head -1)"
echo "county: $OUT ($(python3 -c "import json;m=json.load(open('$OUT/manifest.json'));print(sum(f['rows'] for f in m['files'].values()))") rows)"

t0=$(now); java -Dqinglian.timing=true -jar server/target/qinglian.jar import "$OUT" >"$WORK/import1.txt" 2>"$WORK/import1.err"; t1=$(now)
first=$(grep -o "rows in [0-9.]* s" "$WORK/import1.txt" | grep -o "[0-9.]*" | tail -1)
t2=$(now); java -Dqinglian.timing=true -jar server/target/qinglian.jar import "$OUT" >"$WORK/import2.txt" 2>"$WORK/import2.err"; t3=$(now)
again=$(grep -o "rows in [0-9.]* s" "$WORK/import2.txt" | grep -o "[0-9.]*" | tail -1)
printf "import, cold JVM: the load %s s (whole process %s s, which waits for the conformance check, scan and publication it sets off)\n" "$first" "$(secs $t0 $t1)"
printf "re-import of the unchanged bundle: the load %s s = %s of the first (bar <= 0.20); whole process %s s\n" \
  "$again" "$(echo "$again / $first" | bc -l | xargs printf "%.3f")" "$(secs $t2 $t3)"

for how in jar bin/qinglian; do
  for i in 1 2 3; do
    t0=$(now); (run $how scan --all) >"$WORK/scan.txt" 2>"$WORK/scan.err"; t1=$(now)
  done
  begins=$(grep -o "begins [0-9.]* s" "$WORK/scan.err" | grep -o "[0-9.]*" || echo "?")
  rules=$(grep -o "in [0-9.]* s" "$WORK/scan.txt" | grep -o "[0-9.]*" | head -1)
  printf "%-32s scan --all: first work after %s s (bar <= 3), rules %s s, whole process %s s\n" "$how" "$begins" "$rules" "$(secs $t0 $t1)"
done

# an import that touches one village (three of its expense vouchers lose their invoice), then the scan, which runs
# again only the rules reading what changed, those read by village for that village alone; beside it every rule
# over all data (scan --all) on the same data
cp -r "$OUT" "$WORK/bundle"
python3 - "$WORK/bundle" <<'PY'
import csv, hashlib, io, json, sys
b = sys.argv[1]
rows = list(csv.reader(open(f"{b}/vouchers.csv", encoding="utf-8", newline="")))
head = rows[0]; village = rows[1][head.index("region_code")]; n = 0
for r in rows[1:]:
    if n < 3 and r[head.index("region_code")] == village and r[head.index("direction")] == "expense" and r[head.index("invoice_no")]:
        r[head.index("invoice_no")] = ""; n += 1
out = io.StringIO(); csv.writer(out, lineterminator="\n").writerows(rows)
data = out.getvalue().encode("utf-8"); open(f"{b}/vouchers.csv", "wb").write(data)
m = json.load(open(f"{b}/manifest.json", encoding="utf-8"))
m["files"]["vouchers.csv"]["sha256"] = hashlib.sha256(data).hexdigest()
json.dump(m, open(f"{b}/manifest.json", "w", encoding="utf-8"), ensure_ascii=False)
print(f"village {village}: {n} vouchers lose their invoice")
PY
JAVA_OPTS="-Dqinglian.risk.scan-after-import=false" bin/qinglian import "$WORK/bundle" >"$WORK/import3.txt" 2>&1
t0=$(now); bin/qinglian scan >"$WORK/inc.txt" 2>/dev/null; t1=$(now)
t2=$(now); bin/qinglian scan --all >"$WORK/all.txt" 2>/dev/null; t3=$(now)
printf "after an import touching one village: scan %s s (%s; whole process %s s) | scan --all %s s (%s; whole process %s s)\n" \
  "$(grep -o "in [0-9.]* s" "$WORK/inc.txt" | grep -o "[0-9.]*" | head -1)" \
  "$(grep -o "[0-9]* rules not run again.*" "$WORK/inc.txt" | head -1)" "$(secs $t0 $t1)" \
  "$(grep -o "in [0-9.]* s" "$WORK/all.txt" | grep -o "[0-9.]*" | head -1)" "$(grep -o "([0-9,]* new, [0-9,]* changed, [0-9,]* withdrawn)" "$WORK/all.txt")" "$(secs $t2 $t3)"

for how in jar bin/qinglian; do
  PORT=$((20000 + RANDOM % 20000))
  t0=$(now); (run $how serve --server.port=$PORT) >"$WORK/serve.log" 2>&1 & PID=$!
  until curl -s -o /dev/null -w "%{http_code}" "http://127.0.0.1:$PORT/login" 2>/dev/null | grep -q 200; do
    sleep 0.05; kill -0 $PID 2>/dev/null || { echo "the server stopped: $(tail -3 "$WORK/serve.log")"; break; }
  done
  t1=$(now); kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true
  printf "%-32s serve: a later start answers after %s s (bar <= 8)\n" "$how" "$(secs $t0 $t1)"
done

if $MEMORY; then
  BIG=bench/out/county-$((T * 10))-$V-$S
  [ -f "$BIG/manifest.json" ] || java -jar server/target/qinglian.jar demo --townships $((T * 10)) --villages "$V" --seed "$S" --out "$BIG" --no-load
  rm -rf "$WORK/pg" "$WORK/keys" "$WORK/audit"
  for cmd in "import $BIG" "scan"; do
    t0=$(now)
    if /usr/bin/time -f "%M" -o "$WORK/rss" env JAVA_OPTS="-Xmx512m" bin/qinglian $cmd >"$WORK/big.txt" 2>"$WORK/big.err"; then ok=done; else ok="FAILED: $(tail -2 "$WORK/big.err")"; fi
    t1=$(now)
    printf "10x county (%s), -Xmx512m: %s %s in %s s, peak RSS %s MB\n" "$BIG" "${cmd%% *}" "$ok" "$(secs $t0 $t1)" "$(( $(cat "$WORK/rss") / 1024 ))"
  done
fi
