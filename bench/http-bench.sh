#!/usr/bin/env bash
# HTTP throughput: AllFrame's server versus a raw Netty hello-world, same JSON body, same run, on loopback.
# HTTP/1.1 with wrk, HTTP/2 (h2c prior knowledge) with h2load. Rounds alternate which server goes first;
# the figures are medians of the rounds. Not part of `mvn verify`.
#
#   bench/http-bench.sh                      # 3 rounds x 10 s per server and tool
#   ROUNDS=5 DURATION=15 bench/http-bench.sh
set -euo pipefail

ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-5}
WRK_THREADS=${WRK_THREADS:-1}
WRK_CONNECTIONS=${WRK_CONNECTIONS:-32}
H2_CLIENTS=${H2_CLIENTS:-4}
H2_STREAMS=${H2_STREAMS:-32}
RAW_PORT=${RAW_PORT:-18081}
ALLFRAME_PORT=${ALLFRAME_PORT:-18082}
JVM_OPTS=${JVM_OPTS:--Xms256m -Xmx256m -XX:+UseParallelGC}

ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT="$ROOT/bench/target/http-bench"
mkdir -p "$OUT"

need_install=()
command -v wrk >/dev/null || need_install+=(wrk)
command -v h2load >/dev/null || need_install+=(nghttp2-client)
if ((${#need_install[@]})); then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  echo "installing ${need_install[*]}"
  $SUDO apt-get install -y "${need_install[@]}" >/dev/null 2>&1 \
    || { $SUDO apt-get update >/dev/null && $SUDO apt-get install -y "${need_install[@]}" >/dev/null; }
fi

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
"$JAVA" -version 2>&1 | head -1 | grep -Eq '"(2[1-9]|[3-9][0-9])' \
  || { echo "JDK 21+ needed: set JAVA_HOME" >&2; exit 1; }

echo "building bench (mvn package, no tests)"
(cd "$ROOT" && mvn -B -q -pl bench -am package -DskipTests)
CP="$ROOT/bench/target/classes:$ROOT/bench/target/lib/*"

PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

start() { # name main port
  "$JAVA" $JVM_OPTS -cp "$CP" "$2" "$3" >"$OUT/$1.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 100); do
    curl -sf -o /dev/null "http://127.0.0.1:$3/hello" && return 0
    sleep 0.1
  done
  echo "$1 did not start, see $OUT/$1.log" >&2; exit 1
}
start raw dev.allframe.bench.http.RawNettyHelloServer "$RAW_PORT"
start allframe dev.allframe.bench.http.AllFrameHelloServer "$ALLFRAME_PORT"

h1() { wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"$2"s "http://127.0.0.1:$1/hello" | awk '/Requests\/sec/ {print $2}'; }
h2() { h2load -t1 -c"$H2_CLIENTS" -m"$H2_STREAMS" -D"$2" "http://127.0.0.1:$1/hello" \
         | awk '/^finished in/ {print $4}'; }

echo "warm-up ${WARMUP}s per server and protocol"
for port in "$RAW_PORT" "$ALLFRAME_PORT"; do h1 "$port" "$WARMUP" >/dev/null; h2 "$port" "$WARMUP" >/dev/null; done

: >"$OUT/samples.txt"
for round in $(seq "$ROUNDS"); do
  if ((round % 2)); then order="raw allframe"; else order="allframe raw"; fi
  for server in $order; do
    port=$RAW_PORT; [ "$server" = allframe ] && port=$ALLFRAME_PORT
    r1=$(h1 "$port" "$DURATION"); echo "round $round $server http1 $r1" | tee -a "$OUT/samples.txt"
    r2=$(h2 "$port" "$DURATION"); echo "round $round $server http2 $r2" | tee -a "$OUT/samples.txt"
  done
done

median() { grep " $1 $2 " "$OUT/samples.txt" | awk '{print $5}' | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo
printf '%-9s %14s %14s %8s\n' protocol "raw req/s" "allframe req/s" ratio
for proto in http1 http2; do
  raw=$(median raw "$proto"); af=$(median allframe "$proto")
  awk -v p="$proto" -v r="$raw" -v a="$af" 'BEGIN {printf "%-9s %14.0f %14.0f %8.3f\n", p, r, a, a / r}'
done | tee "$OUT/summary.txt"
echo "(medians of $ROUNDS rounds x ${DURATION}s; wrk -t$WRK_THREADS -c$WRK_CONNECTIONS; h2load -t1 -c$H2_CLIENTS -m$H2_STREAMS; budget: ratio >= 0.9)"
