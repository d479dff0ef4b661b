#!/usr/bin/env bash
# Abandoned connections leave no file descriptor behind: starts AllFrame's server (default settings, so the
# connection start timeout is its default 10 s), counts /proc/PID/fd, opens COUNT connections that never start a
# request (half silent, half sending "PR"), keeps them open past the timeout, and counts again. A count, not a
# timing. Bounded: COUNT connections, and the client gives up 30 s after the timeout; the whole run is under
# LIMIT seconds. Not part of `mvn verify`. Linux only (/proc).
#
#   bench/idle-connections.sh               # 10,000 connections
#   COUNT=2000 bench/idle-connections.sh
set -euo pipefail

COUNT=${COUNT:-10000}
PORT=${PORT:-18083}
START_TIMEOUT=${START_TIMEOUT:-10}   # seconds; HttpServer.Builder.DEFAULT_CONNECTION_START_TIMEOUT
LIMIT=${LIMIT:-300}
JVM_OPTS=${JVM_OPTS:--Xms256m -Xmx256m -XX:+UseParallelGC}

ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT="$ROOT/bench/target/idle-connections"
mkdir -p "$OUT"

# Server and client each hold COUNT sockets: raise the soft limit to the hard one, for this script's processes.
need=$((COUNT + 1024))
[ "$(ulimit -n)" = unlimited ] || [ "$(ulimit -n)" -ge "$need" ] || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
have=$(ulimit -n)
if [ "$have" != unlimited ] && [ "$have" -lt "$need" ]; then
  echo "open-file limit $have is below the $need this run needs (ulimit -Hn: $(ulimit -Hn)); lower COUNT" >&2
  exit 1
fi

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
"$JAVA" -version 2>&1 | head -1 | grep -Eq '"(2[1-9]|[3-9][0-9])' \
  || { echo "JDK 21+ needed: set JAVA_HOME" >&2; exit 1; }

echo "building bench (mvn package, no tests)"
(cd "$ROOT" && mvn -B -q -pl bench -am package -DskipTests)
CP="$ROOT/bench/target/classes:$ROOT/bench/target/lib/*"

SERVER=""
cleanup() { [ -z "$SERVER" ] || kill "$SERVER" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup EXIT

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "open-file limit: $have"
"$JAVA" $JVM_OPTS -cp "$CP" dev.allframe.bench.http.AllFrameHelloServer "$PORT" >"$OUT/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 100); do
  curl -sf -o /dev/null "http://127.0.0.1:$PORT/hello" && break
  sleep 0.1
done
curl -sf -o /dev/null "http://127.0.0.1:$PORT/hello" || { echo "server did not start, see $OUT/server.log" >&2; exit 1; }
sleep 1 # the warm-up request's connection is closed on both sides before the first count

status=0
timeout "$LIMIT" "$JAVA" -cp "$CP" dev.allframe.bench.http.AbandonedConnections 127.0.0.1 "$PORT" "$SERVER" \
  "$COUNT" "$START_TIMEOUT" | tee "$OUT/result.txt" || status=$?
curl -sf -o /dev/null "http://127.0.0.1:$PORT/hello" && echo "server still serves: yes" || { echo "server still serves: no"; status=1; }
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
exit "$status"
