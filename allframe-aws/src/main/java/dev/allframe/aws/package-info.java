/**
 * Stores on AWS: the DynamoDB event store backend ({@link dev.allframe.aws.DynamoDbEventStoreBackend}), checkpoints, saga
 * state and snapshots in the same table or on S3 ({@link dev.allframe.aws.S3SnapshotStore}), selected from the
 * environment by {@link dev.allframe.aws.AwsStores}. The item schema ({@link dev.allframe.aws.DynamoDbSchema}) is
 * shared with the DynamoDB Streams door in {@code allframe-lambda}.
 */
package dev.allframe.aws;
