#!/usr/bin/env bash
# Start-up of the example's container image with and without its AppCDS archive, on the image's own JVM, without
# Docker: time from JVM launch to the first 200 on /health, interleaved fresh JVMs, medians.
#   mvn -B -pl examples/orders -am verify -DskipTests   # builds examples/orders/target/jib-image.tar (with app.jsa)
#   bench/image-appcds.sh [RUNS]                          # default 11; needs curl
# "without" still uses the runtime's default CDS archive (jlink --generate-cds-archive); only the application's
# dynamic archive is left out.
set -euo pipefail
runs=${1:-11}
image=$(cd "$(dirname "$0")/.." && pwd)/examples/orders/target/jib-image.tar
[ -f "$image" ] || { echo "no $image; build it first (see the header)" >&2; exit 1; }
command -v curl >/dev/null || { echo "curl is needed" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/image-appcds.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/image" "$work/root"
tar -xf "$image" -C "$work/image"
for layer in $(sed -E 's/.*"Layers":\[([^]]*)\].*/\1/' "$work/image/manifest.json" | tr -d '"' | tr ',' ' '); do
  tar --warning=no-unknown-keyword -xzf "$work/image/$layer" -C "$work/root"
done
root=$work/root
cp=$(sed "s#/app/#$root/app/#g" "$root/app/jib-classpath-file")
port=$(( 20000 + RANDOM % 20000 ))
one() {
  local flags=("-Xshare:auto" "-Xlog:cds=off" "-Xlog:cds+dynamic=off")
  [ "$1" = with ] && flags+=("-XX:SharedArchiveFile=$root/app/cds/app.jsa")
  local start end pid
  start=$(date +%s%N)
  PORT=$port ALLFRAME_STORE=memory: "$root/opt/java/bin/java" "${flags[@]}" -cp "$cp" \
    dev.allframe.examples.orders.OrdersApp >/dev/null 2>&1 &
  pid=$!
  until curl -s -o /dev/null "http://127.0.0.1:$port/health"; do sleep 0.01; done
  end=$(date +%s%N)
  kill "$pid"; wait "$pid" || true
  echo "$1 $(( (end - start) / 1000000 ))"
}
for _ in $(seq 1 "$runs"); do one with; one without; done > "$work/times"
median() { grep "^$1 " "$work/times" | cut -d' ' -f2 | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
w=$(median with); wo=$(median without)
echo "runs=$runs  with AppCDS: ${w} ms  without: ${wo} ms  ratio: $(awk -v a="$w" -v b="$wo" 'BEGIN {printf "%.2f", a/b}')"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
