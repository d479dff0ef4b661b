package dev.allframe.aws;

import dev.allframe.eventstore.EventStoreBackend;
import dev.allframe.projection.CheckpointStore;
import dev.allframe.projection.DeadLetterStore;
import dev.allframe.saga.SagaStore;
import dev.allframe.snapshot.SnapshotStore;
import dev.allframe.testkit.eventstore.EventStoreBackendContract;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The whole conformance kit against a real DynamoDB API server (dynoxide), with snapshots on a real S3 API server
 * (s3proxy) and checkpoints, dead letters and saga state in the event
 * table.
 */
class DynamoDbBackendContractTest extends EventStoreBackendContract {
    @Override
    protected Fixture createFixture() {
        Interceptors.FailingTransaction failing = new Interceptors.FailingTransaction();
        DynamoDbClient client = StandIns.dynamoDb(failing);
        String table = StandIns.newTable(client);
        AwsStores stores = openStores(client, table);
        return new Fixture() {
            @Override
            public EventStoreBackend backend() {
                return stores.events();
            }

            @Override
            public SnapshotStore snapshots() {
                return stores.snapshots();
            }

            @Override
            public CheckpointStore checkpoints() {
                return stores.checkpoints();
            }

            @Override
            public SagaStore sagas() {
                return stores.sagas();
            }

            @Override
            public DeadLetterStore deadLetters() {
                return stores.deadLetters();
            }

            @Override
            public void failNextAppendAfter(int events) {
                failing.failNextAfter(events);
            }

            @Override
            public void close() {
                client.deleteTable(b -> b.tableName(table));
                stores.close();
            }
        };
    }

    /**
     * @param client the client of the stand-in
     * @param table  a fresh table
     * @return the stores under test: global order mode {@code counter}, snapshots on s3proxy
     */
    AwsStores openStores(DynamoDbClient client, String table) {
        S3Client s3 = StandIns.s3();
        return AwsStores.create(client, table, s3, StandIns.newBucket(s3));
    }
}
