#!/usr/bin/env bash
# Fuzzes the Jazzer targets (@FuzzTest) of allframe-core and allframe-lambda, one Maven run per target (Jazzer fuzzes
# one target per JVM), each for its @FuzzTest(maxDuration), 60 s: about 13 minutes for all of them.
# Without JAZZER_FUZZ the same targets run in every `mvn verify` as regression tests over the seeds committed under
# src/test/resources/<package>/<Class>Inputs/<method>/. A crash Jazzer finds is saved into that directory, so it fails
# every later build until fixed: make it a named regression test next to the code it breaks, fix, keep the input.
#
# Usage: scripts/fuzz.sh [PATTERN]     only targets whose "Class#method" contains PATTERN, e.g. scripts/fuzz.sh sqs
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME="$(scripts/find-jdk.sh)"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
export MAVEN_OPTS="${MAVEN_OPTS:---sun-misc-unsafe-memory-access=allow}"

targets=()
for f in allframe-core/src/test/java/dev/allframe/fuzz/CoreFuzzTest.java \
         allframe-lambda/src/test/java/dev/allframe/lambda/events/LambdaDoorsFuzzTest.java; do
  class=$(basename "$f" .java)
  for method in $(grep -A1 '@FuzzTest' "$f" | sed -n 's/^ *void \([A-Za-z0-9_]*\)(.*/\1/p'); do
    targets+=("$class#$method")
  done
done

pattern="${1:-}"
mvn -B -q -pl allframe-core,allframe-lambda -am test-compile
failed=()
for t in "${targets[@]}"; do
  [[ -n "$pattern" && "$t" != *"$pattern"* ]] && continue
  echo "== fuzzing $t"
  if ! JAZZER_FUZZ=1 mvn -B -q -pl allframe-core,allframe-lambda -am test -Dtest="$t" \
       -Dsurefire.failIfNoSpecifiedTests=false; then
    failed+=("$t")
  fi
done
if (( ${#failed[@]} )); then
  echo "Findings in: ${failed[*]} (inputs saved under src/test/resources/.../*Inputs/)" >&2
  exit 1
fi
echo "No findings."
