/** Benchmark mains for the DynamoDB store (run by {@code allframe-aws/bench/dynamodb.sh}, not by the test suite). */
package dev.allframe.aws.bench;
