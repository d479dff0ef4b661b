#!/usr/bin/env bash
# Fuzzes the server's request parsing with Jazzer for a bounded time: Http1ParsingFuzzTest (allframe-server), any
# bytes through the real cleartext pipeline on an EmbeddedChannel, for the test's maxDuration (60 s), then stops.
# In a normal build the same test only replays its seed corpus; here JAZZER_FUZZ=1 makes Jazzer mutate inputs, and
# JAZZER_HOOKS=true puts back the comparison hooks that guide it (the build turns hooks off in
# src/test/resources/junit-platform.properties: the regression run needs none and loads 8x faster without them).
#
# A crashing input is written to
#   allframe-server/src/test/resources/dev/allframe/server/Http1ParsingFuzzTestInputs/answersAnyBytesWithoutAServerFault/
# where every later build replays it: commit it together with the fix. The inputs Jazzer found interesting go to
# allframe-server/.cifuzz-corpus/ (not committed) and seed the next run.
#
#   scripts/fuzz-http1.sh
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
JAZZER_FUZZ=1 timeout 900 mvn -B -pl allframe-server -am verify "$@" \
  -Dtest=Http1ParsingFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Djazzer.hooks=true -Djazzer.instrument='dev.allframe.**,io.netty.handler.codec.**'
