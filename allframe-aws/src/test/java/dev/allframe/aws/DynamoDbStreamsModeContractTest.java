package dev.allframe.aws;

import dev.allframe.eventstore.EventStoreBackend;
import dev.allframe.projection.CheckpointStore;
import dev.allframe.saga.SagaStore;
import dev.allframe.snapshot.SnapshotStore;
import dev.allframe.testkit.eventstore.EventStoreBackendContract;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The conformance kit against dynoxide in global order mode {@code streams}. That mode has no global order by
 * design (projections follow the table's DynamoDB stream), so the kit's global-order tests check instead that
 * {@code readAll} is refused with a clear error, and its global-order assertions inside per-stream tests are left out
 * ({@link #supportsGlobalOrder()}); every per-stream promise (order, optimistic
 * concurrency under racing writers, atomic appends, limits, snapshots, checkpoints, saga state) is checked.
 * {@link DynamoDbStreamsModeTest} shows that {@code readAll} fails clearly instead.
 */
class DynamoDbStreamsModeContractTest extends EventStoreBackendContract {
    @Override
    protected boolean supportsGlobalOrder() {
        return false;
    }

    @Override
    protected Fixture createFixture() {
        Interceptors.FailingTransaction failing = new Interceptors.FailingTransaction();
        DynamoDbClient client = StandIns.dynamoDb(failing);
        String table = StandIns.newTable(client);
        AwsStores stores = AwsStores.create(client, table, null, null, GlobalOrder.STREAMS);
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
}
