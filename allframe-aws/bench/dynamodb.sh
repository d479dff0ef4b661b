#!/usr/bin/env bash
# DynamoDB benchmarks for docs/benchmarks/dynamodb.md: append latency/throughput against dynoxide beside raw PutItem,
# the Lambda zip size with the DynamoDB client, and the cold-start cost the client adds (fresh JVMs, medians).
# The latency part runs the store in both global order modes (cases marked [streams]: no counter item).
# Usage: allframe-aws/bench/dynamodb.sh [opsPerRound=300] [rounds=3] [coldRuns=11]
# Needs JAVA_HOME (JDK 21+), npm (installs dynoxide into ~/.cache/allframe), zip. Not part of `mvn verify`.
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${JAVA_HOME:?set JAVA_HOME to a JDK 21+}"
OPS=${1:-300}; ROUNDS=${2:-3}; RUNS=${3:-11}
OUT=allframe-aws/target/bench; mkdir -p "$OUT"
mvn -B -q -pl allframe-aws,allframe-lambda -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=test
TEST_CP="allframe-aws/target/test-classes:allframe-aws/target/classes:$(cat allframe-aws/target/classpath.txt)"
JAVA="$JAVA_HOME/bin/java"

echo "== append latency and throughput (ops/round=$OPS, rounds=$ROUNDS)"
"$JAVA" -cp "$TEST_CP" dev.allframe.aws.bench.DynamoDbBench "$OPS" "$ROUNDS"

echo "== Lambda zip: core + lambda + aws and their runtime dependencies"
rm -rf allframe-aws/target/zip-lib allframe-lambda/target/zip-lib allframe-core/target/zip-lib
# As an application sees allframe-aws: its optional S3 client (and what only S3 pulls in) stays out.
mvn -B -q -pl allframe-aws,allframe-lambda -am package -DskipTests dependency:copy-dependencies \
  -DincludeScope=runtime -DoutputDirectory=target/zip-lib \
  -DexcludeArtifactIds=s3,aws-xml-protocol,aws-query-protocol,arns,crt-core
ZIP="$OUT/zip"; rm -rf "$ZIP"; mkdir -p "$ZIP/lib"
for jar in allframe-aws/target/zip-lib/*.jar allframe-lambda/target/zip-lib/*.jar allframe-core/target/allframe-core-*.jar \
    allframe-lambda/target/allframe-lambda-*.jar allframe-aws/target/allframe-aws-*.jar; do cp -f "$jar" "$ZIP/lib/"; done
rm -f "$ZIP"/lib/*-sources.jar "$ZIP"/lib/*-tests.jar
(cd "$ZIP" && rm -f ../lambda.zip && zip -q -r -9 ../lambda.zip lib)
ls "$ZIP/lib" | sed 's/^/  /'
if ls "$ZIP/lib" | grep -E -q 'netty|apache-client|apache5-client'; then echo "FAIL: an unwanted HTTP client is in the zip"; exit 1; fi
echo "jars: $(ls "$ZIP/lib" | wc -l)  zip: $(stat -c %s "$OUT/lambda.zip") bytes"
ZIP_NOAWS="$OUT/zip-noaws"; rm -rf "$ZIP_NOAWS"; mkdir -p "$ZIP_NOAWS/lib"
for jar in allframe-lambda/target/zip-lib/*.jar allframe-core/target/allframe-core-*.jar \
    allframe-lambda/target/allframe-lambda-*.jar; do cp -f "$jar" "$ZIP_NOAWS/lib/"; done
rm -f "$ZIP_NOAWS"/lib/*-sources.jar "$ZIP_NOAWS"/lib/*-tests.jar
(cd "$ZIP_NOAWS" && rm -f ../lambda-noaws.zip && zip -q -r -9 ../lambda-noaws.zip lib)
echo "without allframe-aws: jars: $(ls "$ZIP_NOAWS/lib" | wc -l)  zip: $(stat -c %s "$OUT/lambda-noaws.zip") bytes"

echo "== cold start: fresh JVMs, $RUNS runs each, interleaved (wall ms from spawn to exit; ms from main() to the answer)"
ZIP_CP="allframe-aws/target/test-classes:$(ls "$ZIP"/lib/*.jar | tr '\n' ':')"
"$JAVA" -cp "$TEST_CP" dev.allframe.aws.bench.ColdStartDriver "$RUNS" "$ZIP_CP"
