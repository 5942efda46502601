#!/usr/bin/env bash
# Portal benchmark: a village page of the demo county served by the platform (the jar, embedded PostgreSQL)
# against the same page saved as a static file and served by nginx, in the same run, both with wrk at the same
# connections. Prints requests/s and the p99 latency of each, and the ratios the issue asks for (platform/nginx
# requests at least 0.3, p99 at most 2x).
# Needs Debian's wrk and nginx (apt: wrk nginx-light).
# Usage: bench/portal.sh [SECONDS CONNECTIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_RUN=${1:-20}; CONNECTIONS=${2:-64}
PORT=18091; NGINX_PORT=18092
RUN=$PWD/bench/out/portal
command -v wrk >/dev/null && command -v nginx >/dev/null || { echo "install wrk and nginx (apt: wrk nginx-light)" >&2; exit 1; }
./mvnw -q -B -pl server -am -DskipTests package
rm -rf "$RUN"; mkdir -p "$RUN/www" "$RUN/nginx"
export QINGLIAN_DB_DATA_DIR=$RUN/pg QINGLIAN_KEYS_DIR=$RUN/keys QINGLIAN_AUDIT_CHECKPOINT_DIR=$RUN/audit
(cd "$RUN" && java -jar "$OLDPWD/server/target/qinglian.jar" demo --out "$RUN/bundle") > "$RUN/demo.log" 2>&1
VILLAGE=$(awk -F, '$3 == "village" { print $1; exit }' "$RUN/bundle/regions.csv")
java -Xmx512m -jar server/target/qinglian.jar serve --server.port=$PORT > "$RUN/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; [ -f "$RUN/nginx/nginx.pid" ] && kill "$(cat "$RUN/nginx/nginx.pid")" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf -o /dev/null "http://localhost:$PORT/" && break; sleep 0.5; done
# the village's home, and its power list with the 28 flowcharts (the page the issue measured before)
for NAME in village power-list; do
  URL_PATH=/public/villages/$VILLAGE; [ "$NAME" = power-list ] && URL_PATH=$URL_PATH/power-list
  curl -sf "http://localhost:$PORT$URL_PATH" -o "$RUN/www/$NAME.html"
done
cat > "$RUN/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $RUN/nginx/nginx.pid;
error_log $RUN/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $RUN/nginx; proxy_temp_path $RUN/nginx; fastcgi_temp_path $RUN/nginx;
  uwsgi_temp_path $RUN/nginx; scgi_temp_path $RUN/nginx;
  types { text/html html; }
  server { listen $NGINX_PORT; root $RUN/www; }
}
CONF
nginx -c "$RUN/nginx/nginx.conf"
run() { wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_RUN}s" --latency "$1" > "$2"; }
rps() { awk '/Requests\/sec/ { print $2 }' "$1"; }
p99() { awk '$1 == "99%" { v=$2; if (v ~ /us$/) { sub(/us/,"",v); v=v/1000 } else if (v ~ /ms$/) { sub(/ms/,"",v) } else if (v ~ /s$/) { sub(/s/,"",v); v=v*1000 }; print v }' "$1"; }
errors() { awk '/Non-2xx|Socket errors/ { print }' "$1"; }
for NAME in village power-list; do
  URL_PATH=/public/villages/$VILLAGE; [ "$NAME" = power-list ] && URL_PATH=$URL_PATH/power-list
  echo "== $URL_PATH: $(wc -c < "$RUN/www/$NAME.html") bytes; $CONNECTIONS connections, $SECONDS_RUN s each"
  # warm both up (the JIT, the page cache), then measure
  wrk -t2 -c"$CONNECTIONS" -d5s "http://localhost:$PORT$URL_PATH" > /dev/null
  wrk -t2 -c"$CONNECTIONS" -d2s "http://localhost:$NGINX_PORT/$NAME.html" > /dev/null
  run "http://localhost:$NGINX_PORT/$NAME.html" "$RUN/nginx-$NAME.txt"
  run "http://localhost:$PORT$URL_PATH" "$RUN/platform-$NAME.txt"
  N_RPS=$(rps "$RUN/nginx-$NAME.txt"); N_P99=$(p99 "$RUN/nginx-$NAME.txt")
  P_RPS=$(rps "$RUN/platform-$NAME.txt"); P_P99=$(p99 "$RUN/platform-$NAME.txt")
  printf "nginx (static file):  %10.0f requests/s, p99 %8.2f ms %s\n" "$N_RPS" "$N_P99" "$(errors "$RUN/nginx-$NAME.txt")"
  printf "platform:             %10.0f requests/s, p99 %8.2f ms %s\n" "$P_RPS" "$P_P99" "$(errors "$RUN/platform-$NAME.txt")"
  awk -v pr="$P_RPS" -v nr="$N_RPS" -v pp="$P_P99" -v np="$N_P99" 'BEGIN {
    printf "platform/nginx: %.2fx the requests/s (bar: at least 0.3), %.2fx the p99 (bar: at most 2)\n", pr/nr, pp/np }'
  if [ -n "$(errors "$RUN/platform-$NAME.txt")$(errors "$RUN/nginx-$NAME.txt")" ]; then
    echo "answers other than 200, or socket errors: the figures above do not count" >&2; STATUS=1
  fi
  awk -v pr="$P_RPS" -v nr="$N_RPS" -v pp="$P_P99" -v np="$N_P99" 'BEGIN { exit !(pr/nr >= 0.3 && pp/np <= 2) }' \
    || { echo "a bar is not met" >&2; STATUS=1; }
done
exit "${STATUS:-0}"
