#!/usr/bin/env bash
# The province scan on a standalone Spark cluster on this machine: a master and a worker started from Spark's own
# classes (the jars in province/target/lib, as a Spark distribution's sbin/start-master.sh and start-worker.sh
# start them), the scan submitted by SparkSubmit (what bin/spark-submit runs), and its findings.csv compared with
# the platform's findings of the same bundle. Usage: bench/spark-cluster.sh [BUNDLE [PLATFORM_FINDINGS]]
set -euo pipefail
cd "$(dirname "$0")/.."
BUNDLE=${1:-../shared/data/dev-sample}
EXPECTED=${2:-server/src/test/resources/org/qinglian/risk/dev-sample-findings.csv}
[ -f province/target/qinglian-province.jar ] || ./mvnw -q -B -DskipTests package
WORK=$(mktemp -d)
MASTER=""; WORKER=""
trap 'kill $WORKER $MASTER 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"' EXIT
if (echo >/dev/tcp/127.0.0.1/7177) 2>/dev/null; then echo "port 7177 is taken: stop what listens there" >&2; exit 1; fi
# a Spark home whose jars are the module's (the worker starts its executors from $SPARK_HOME/jars)
mkdir -p "$WORK/spark"; ln -s "$PWD/province/target/lib" "$WORK/spark/jars"
export SPARK_HOME=$WORK/spark SPARK_SCALA_VERSION=2.13 SPARK_WORKER_DIR=$WORK/work
# what Spark opens on Java 17 (as in the jar's manifest)
OPENS="--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED"
CP="province/target/lib/*"
java $OPENS -cp "$CP" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port 7177 --webui-port 8181 \
  >"$WORK/master.log" 2>&1 & MASTER=$!
for _ in $(seq 60); do grep -q "I have been elected leader" "$WORK/master.log" && break; sleep 1; done
java $OPENS -cp "$CP" org.apache.spark.deploy.worker.Worker --cores 2 --memory 2g --webui-port 8182 \
  spark://127.0.0.1:7177 >"$WORK/worker.log" 2>&1 & WORKER=$!
for _ in $(seq 60); do grep -q "Successfully registered with master" "$WORK/worker.log" && break; sleep 1; done
grep -q "Successfully registered with master" "$WORK/worker.log" || { cat "$WORK/worker.log" >&2; exit 1; }
echo "cluster: master spark://127.0.0.1:7177, one worker (2 cores, 2 GB)"
t0=$(date +%s.%N)
if ! java $OPENS -cp "province/target/qinglian-province.jar:$CP" org.apache.spark.deploy.SparkSubmit \
    --master spark://127.0.0.1:7177 --class org.qinglian.province.ProvinceScan \
    --jars province/target/lib/qinglian-rules-0.1.0-SNAPSHOT.jar \
    province/target/qinglian-province.jar --out "$WORK/findings.csv" "$BUNDLE" >"$WORK/submit.out" 2>"$WORK/submit.err"; then
  tail -30 "$WORK/submit.err" >&2; exit 1
fi
tail -1 "$WORK/submit.out"
t1=$(date +%s.%N)
printf "spark-submit to the cluster: whole process %.1f s\n" "$(echo "$t1 - $t0" | bc)"
echo "executors the worker launched: $(grep -c "Asked to launch executor" "$WORK/worker.log" || true)"
if diff <(sort "$WORK/findings.csv") <(sort "$EXPECTED") >/dev/null; then
  echo "the cluster's findings.csv is the platform's ($(($(wc -l < "$WORK/findings.csv") - 1)) findings)"
else
  echo "the cluster's findings DIFFER from the platform's" >&2; tail -20 "$WORK/submit.err" >&2; exit 1
fi
