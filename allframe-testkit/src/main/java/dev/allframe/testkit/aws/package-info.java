/**
 * Real local stand-ins for AWS APIs, for tests: {@link dev.allframe.testkit.aws.Dynoxide} (DynamoDB and DynamoDB
 * Streams, a child process installed from npm) and {@link dev.allframe.testkit.aws.S3Proxy} (S3, embedded).
 */
package dev.allframe.testkit.aws;
