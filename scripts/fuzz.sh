#!/usr/bin/env bash
# Fuzzes every Jazzer target (@FuzzTest) of the repository, one Maven run per target (Jazzer fuzzes one target per
# JVM), each for its @FuzzTest(maxDuration), 60 s: a quarter of an hour or so for all of them. Bounded; stops by itself.
# Without JAZZER_FUZZ the same targets run in every `mvn verify` as regression tests over the seeds committed under
# src/test/resources/<package>/<Class>Inputs/<method>/ (with Jazzer's hooks off there, see each module's
# junit-platform.properties: the replay needs none and starts several times faster). Here the hooks are on and the
# framework's classes and Netty's codecs are instrumented for coverage. A crash Jazzer finds is saved into the
# target's Inputs directory, so it fails every later build until fixed: make it a named regression test next to the
# code it breaks, fix it, keep the input. Inputs Jazzer found interesting go to <module>/.cifuzz-corpus/ (ignored).
#
# Usage: scripts/fuzz.sh [PATTERN]   only targets whose "module:Class#method" contains PATTERN, e.g. scripts/fuzz.sh sqs
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME="$(scripts/find-jdk.sh)"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
export MAVEN_OPTS="${MAVEN_OPTS:---sun-misc-unsafe-memory-access=allow}"

targets=()
while IFS= read -r f; do
  module=${f%%/src/test/*}
  class=$(basename "$f" .java)
  for method in $(grep -A1 '@FuzzTest' "$f" | sed -n 's/^ *void \([A-Za-z0-9_]*\)(.*/\1/p'); do
    targets+=("$module:$class#$method")
  done
done < <(grep -rl --include='*.java' '@FuzzTest' allframe-*/src/test | sort)

pattern="${1:-}"
failed=()
for t in "${targets[@]}"; do
  [[ -n "$pattern" && "$t" != *"$pattern"* ]] && continue
  module=${t%%:*}
  echo "== fuzzing $t"
  if ! JAZZER_FUZZ=1 timeout 900 mvn -B -q -pl "$module" -am test -Dtest="${t#*:}" \
       -Dsurefire.failIfNoSpecifiedTests=false -Djazzer.hooks=true \
       -Djazzer.instrument='dev.allframe.**,io.netty.handler.codec.**'; then
    failed+=("$t")
  fi
done
if (( ${#failed[@]} )); then
  echo "Findings in: ${failed[*]} (inputs saved under src/test/resources/.../*Inputs/)" >&2
  exit 1
fi
echo "No findings."
