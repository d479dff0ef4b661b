#!/usr/bin/env bash
# Trains the AppCDS archive of a container image that Jib built as a tarball (jib:buildTar), without Docker:
#   scripts/jib-appcds.sh IMAGE_TAR OUTPUT_DIR [WORK_DIR]
# Extracts the image's layers, runs the image's OWN JVM (from its base layer) on the image's own application layers
# with the image's own entrypoint arguments plus -XX:ArchiveClassesAtExit, sends a few requests (start-up, a command,
# a query, a 404, a 422), stops it with SIGTERM as a container runtime would, and writes OUTPUT_DIR/app.jsa. Jib then
# builds the image again with OUTPUT_DIR as an extra directory (/app/cds), and the entrypoint's
# -XX:SharedArchiveFile=/app/cds/app.jsa -Xshare:auto uses it.
#
# Why this way: a CDS archive is valid only for the exact JVM build that wrote it and for the same application class
# path (same jars, same order, same sizes and modification times; the directory may differ). Training on what is in
# the image guarantees all of that; training on the build machine's JDK would not, unless it is the very same build
# as the base image's. With -Xshare:auto a mismatched or missing archive is ignored and the JVM starts normally
# (slower), so a stale archive never breaks start-up.
# If the image's JVM cannot run on this machine (another OS or CPU architecture), or the image has no JVM we can find,
# no archive is written (and a stale one is removed) and the image is built without one.
set -euo pipefail
image=${1:?usage: jib-appcds.sh IMAGE_TAR OUTPUT_DIR [WORK_DIR]}
out=${2:?usage: jib-appcds.sh IMAGE_TAR OUTPUT_DIR [WORK_DIR]}
work=${3:-$(mktemp -d "${TMPDIR:-/tmp}/jib-appcds.XXXXXX")}
rm -rf "$work" && mkdir -p "$work/image" "$work/root" "$out"
work=$(cd "$work" && pwd)
rm -f "$out/app.jsa"
skip() { echo "jib-appcds: no AppCDS archive: $*" >&2; exit 0; }

tar -xf "$image" -C "$work/image"
manifest=$(tr -d '\n' < "$work/image/manifest.json")
config_file=$(sed -E 's/.*"Config":"([^"]+)".*/\1/' <<<"$manifest")
config=$(tr -d '\n' < "$work/image/$config_file")
for layer in $(sed -E 's/.*"Layers":\[([^]]*)\].*/\1/' <<<"$manifest" | tr -d '"' | tr ',' ' '); do
  # Layers keep their files' modification times, which CDS checks for every jar on the class path.
  if gzip -t "$work/image/$layer" 2>/dev/null; then
    tar --warning=no-unknown-keyword -xzf "$work/image/$layer" -C "$work/root"
  else
    tar --warning=no-unknown-keyword -xf "$work/image/$layer" -C "$work/root"
  fi
done

java_home=$(grep -oE '"JAVA_HOME=[^"]+"' <<<"$config" | head -1 | sed -E 's/"JAVA_HOME=(.*)"/\1/' || true)
java="$work/root${java_home:-/opt/java}/bin/java"
[ -x "$java" ] || skip "no JVM at ${java_home:-/opt/java}/bin/java in the image"
"$java" -version >/dev/null 2>&1 || skip "the image's JVM does not run on this machine ($(uname -sm))"

# The entrypoint: ["java", flags..., "-cp", "@/app/jib-classpath-file", "Main"], paths re-rooted into the work dir.
entry=$(sed -E 's/.*"Entrypoint":\[([^]]*)\].*/\1/' <<<"$config")
args=()
IFS=',' read -r -a raw <<<"$entry"
for a in "${raw[@]:1}"; do
  a=${a#\"}; a=${a%\"}
  case "$a" in
    -XX:SharedArchiveFile=*|-Xshare:*|-Xlog:cds*) ;;
    @/*) sed "s#/app/#$work/root/app/#g" "$work/root${a#@}" > "$work/classpath"; args+=("@$work/classpath") ;;
    *) args+=("${a//\/app\//$work/root/app/}") ;;
  esac
done

log="$work/train.log"
env -u ALLFRAME_DEV PORT=0 ALLFRAME_STORE="sqlite:$work/train.db" \
  "$java" -XX:ArchiveClassesAtExit="$out/app.jsa" -Xlog:cds=warning "${args[@]}" >"$log" 2>&1 &
pid=$!
port=""
for _ in $(seq 1 600); do
  port=$(grep -oE 'listening on http://[^ ]*:[0-9]+' "$log" | grep -oE '[0-9]+$' | head -1 || true)
  [ -n "$port" ] && break
  kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; echo "jib-appcds: the application exited during training" >&2; exit 1; }
  sleep 0.1
done
[ -n "$port" ] || { kill -9 "$pid"; cat "$log" >&2; echo "jib-appcds: the application did not start in 60 s" >&2; exit 1; }

# The requests a real start serves first: plain HTTP/1.1 over bash's /dev/tcp, so no client tool is needed.
request() {
  exec 3<>"/dev/tcp/127.0.0.1/$port"
  printf '%s %s HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: %s\r\nConnection: close\r\n\r\n%s' \
    "$1" "$2" "${#3}" "$3" >&3
  head -c 12 <&3 | tail -c 3; echo " $1 $2"
  exec 3<&- 3>&-
}
{
  request GET /health ''
  request POST /orders '{"customerId":"training","orderId":"training-1"}'
  request POST /orders/training-1/items '{"sku":"cds","quantity":1,"unitPriceCents":100}'
  request POST /orders/training-1/submit ''
  request GET /orders/training-1 ''
  request GET /orders/none ''
  request POST /orders '{"customerId":""}'
} > "$work/requests.log"
kill -TERM "$pid"
wait "$pid" || { cat "$log" >&2; echo "jib-appcds: the application did not exit cleanly on SIGTERM" >&2; exit 1; }
[ -s "$out/app.jsa" ] || { cat "$log" >&2; echo "jib-appcds: the JVM wrote no archive" >&2; exit 1; }
echo "jib-appcds: $(wc -c < "$out/app.jsa") bytes in $out/app.jsa ($(grep -c . "$work/requests.log") training requests)"
rm -rf "$work"
