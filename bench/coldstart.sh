#!/usr/bin/env bash
# Lambda cold-start harness: fresh JVMs under the official runtime interface client against the local Runtime API
# emulator, for a plain Jackson handler, a plain Avaje Jsonb handler and the AllFrame handler, under four flag sets.
# Usage: bench/coldstart.sh [--runs N] [--out FILE] [--handler NAME=CLASS=JARPREFIXES]... [--with-custom-runtime] [--with-example]
#        [--only NAMES] [--flags default,C1,AppCDS,AppCDS+C1] [--jvm-option OPT]... [--cds static|dynamic]
# Uses the JDK in JAVA_HOME. Not part of `mvn verify`.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:?set JAVA_HOME to a JDK 21+}"
mvn -B -q -pl bench -am package -DskipTests dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
exec "$JAVA_HOME/bin/java" -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
  dev.allframe.bench.coldstart.ColdStartHarness --work bench/target/coldstart "$@"
