#!/usr/bin/env bash
# Builds a container base image from the JDK on this machine, as a `docker save`-style tarball that Jib reads with
# `tar://` — for building images where no registry is reachable (CI here, air-gapped builds). In real life use a
# registry base such as eclipse-temurin:21-jre instead (mvn ... jib:buildTar -Djib.from.image=eclipse-temurin:21-jre).
#   scripts/jib-local-base.sh JAVA_HOME OUTPUT_DIR [CDS_DIR [FROM_IMAGE]]
# With FROM_IMAGE (the build's jib.from.image) anything but tar://OUTPUT_DIR/base.tar, there is nothing to build.
# Writes OUTPUT_DIR/base.tar: one layer holding a jlink'd runtime at /opt/java (with its default CDS archive), PATH and
# JAVA_HOME set. Rebuilt only when missing or when the JDK or this script is newer than it.
set -euo pipefail
jdk=${1:?usage: jib-local-base.sh JAVA_HOME OUTPUT_DIR}
out=${2:?usage: jib-local-base.sh JAVA_HOME OUTPUT_DIR}
# CDS_DIR is the image's optional AppCDS folder (Jib wants it to exist even when empty).
[ -n "${3:-}" ] && mkdir -p "$3"
if [ -n "${4:-}" ] && [ "$4" != "tar://$out/base.tar" ]; then
  exit 0
fi
[ -x "$jdk/bin/jlink" ] || { echo "jib-local-base: no jlink in $jdk (a JDK, not a JRE, is needed)" >&2; exit 1; }
if [ -f "$out/base.tar" ] && [ "$out/base.tar" -nt "$jdk/release" ] && [ "$out/base.tar" -nt "$0" ]; then
  exit 0
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/jib-base.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/rootfs/opt" "$out"
# The modules a typical AllFrame service needs: JDBC drivers (java.sql, java.naming, java.management), Netty
# (jdk.unsupported), logging, TLS. --generate-cds-archive gives the runtime its default CDS archive, which a dynamic
# AppCDS archive of the application (scripts/jib-appcds.sh) is layered on, and which speeds up every start.
"$jdk/bin/jlink" --add-modules java.base,java.logging,java.sql,java.naming,java.management,jdk.unsupported,java.net.http,jdk.crypto.cryptoki \
  --strip-debug --no-man-pages --no-header-files --compress=zip-6 --generate-cds-archive \
  --output "$work/rootfs/opt/java"
mkdir -p "$work/rootfs/tmp" && chmod 1777 "$work/rootfs/tmp"
(cd "$work/rootfs" && tar --sort=name --owner=0 --group=0 --numeric-owner --mtime='2000-01-01 00:00:00Z' \
  -cf "$work/layer.tar" opt tmp)
diff_id=$(sha256sum "$work/layer.tar" | cut -d' ' -f1)
case "$(uname -m)" in x86_64) arch=amd64 ;; aarch64|arm64) arch=arm64 ;; *) arch=$(uname -m) ;; esac
cat > "$work/config.json" <<JSON
{"architecture":"$arch","os":"linux","config":{"Env":["PATH=/opt/java/bin:/usr/local/bin:/usr/bin:/bin","JAVA_HOME=/opt/java"]},"rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]},"history":[{"created_by":"scripts/jib-local-base.sh: jlink of the build JDK"}]}
JSON
cat > "$work/manifest.json" <<JSON
[{"Config":"config.json","RepoTags":["allframe/local-jre:latest"],"Layers":["layer.tar"]}]
JSON
(cd "$work" && tar --owner=0 --group=0 --numeric-owner -cf "$out/base.tar.tmp" manifest.json config.json layer.tar)
mv "$out/base.tar.tmp" "$out/base.tar"
