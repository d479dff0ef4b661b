#!/usr/bin/env bash
# Fuzzes AllFrame's input parsers with Jazzer, each target for the time its @FuzzTest(maxDuration) bounds (60 s)
# (not part of `mvn verify`, which runs every target's committed corpus as regression tests). A crash is written into the target's corpus directory
# (src/test/resources/<package>/<Class>Inputs/<method>/crash-*): reproduce it with `mvn verify`, fix it, keep the
# file as the regression test.
# Usage: scripts/fuzz.sh [MODULE:CLASS#METHOD ...]   (default: every @FuzzTest in the repository)
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:?set JAVA_HOME to a JDK 21+}"
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=($(grep -rl "@FuzzTest" --include=*.java . | grep -v "/target/" \
    | while read -r f; do
        module=${f#./}; module=${module%%/src/*}; cls=$(basename "$f" .java)
        grep -A1 "@FuzzTest" "$f" | grep -o "void [a-zA-Z0-9]*" | awk -v m="$module" -v c="$cls" '{print m":"c"#"$2}'
      done))
fi
status=0
for t in "${targets[@]}"; do
  module=${t%%:*}; test=${t#*:}
  echo "== $module $test"
  if ! JAZZER_FUZZ=1 timeout 900 mvn -B -q -pl "$module" -am test -Dtest="$test" \
      -Dsurefire.failIfNoSpecifiedTests=false; then
    echo "!! $module $test found a crash (see its Inputs directory) or failed"; status=1
  fi
done
exit $status
