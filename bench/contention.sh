#!/usr/bin/env bash
# Concurrency conflicts under contention: N writers adding items to one order at once through the command bus, on
# SQLite and on PostgreSQL (started by the harness from the local binaries; PostgreSQL refuses to run as root, so
# as root it runs as the 'postgres' user), with the bus's retry policy before backoff and after.
# Usage: bench/contention.sh [--writers 32] [--commands 20] [--rounds 3]
# Uses the JDK in JAVA_HOME. Not part of `mvn verify`; a timing-sensitive ratio: run it on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl bench -am package -DskipTests dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
cp="bench/target/classes:$(cat bench/target/classpath.txt)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for store in sqlite postgres; do
  timeout 600 "$JAVA_HOME/bin/java" -cp "$cp" dev.allframe.bench.contention.ContentionBench --store "$store" "$@"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
