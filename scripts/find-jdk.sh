#!/usr/bin/env bash
# Prints the home of a JDK 21 or newer: JAVA_HOME if it qualifies, else the newest JDK under the usual folders.
# Sourced by ./allframe and .ci/run, so the machine's default java (which may be older) never decides.
set -euo pipefail

java_major() { # $1 = java home; prints the feature version or nothing
  local v
  v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/{print $2; exit}') || return 0
  printf '%s' "${v%%.*}"
}

candidates() {
  [ -n "${JAVA_HOME:-}" ] && printf '%s\n' "$JAVA_HOME"
  for d in /usr/lib/jvm/* /opt/java/* /usr/local/java/* "$HOME"/.sdkman/candidates/java/*; do
    [ -x "$d/bin/javac" ] && printf '%s\n' "$d"
  done
  if command -v javac >/dev/null 2>&1; then
    dirname "$(dirname "$(readlink -f "$(command -v javac)")")"
  fi
}

best="" best_v=0
while IFS= read -r home; do
  [ -x "$home/bin/javac" ] || continue
  v=$(java_major "$home")
  [ -n "$v" ] || continue
  if [ "$v" -ge 21 ] && { [ -z "${JAVA_HOME:-}" ] || [ "$home" != "$JAVA_HOME" ]; } && [ "$v" -gt "$best_v" ]; then
    best="$home" best_v=$v
  elif [ "$v" -ge 21 ] && [ "$home" = "${JAVA_HOME:-}" ]; then
    printf '%s\n' "$home"; exit 0   # an explicit JAVA_HOME that qualifies wins
  fi
done < <(candidates)

if [ -z "$best" ]; then
  echo "No JDK 21 or newer found (looked at JAVA_HOME, /usr/lib/jvm, PATH). Install one and set JAVA_HOME." >&2
  exit 1
fi
printf '%s\n' "$best"
