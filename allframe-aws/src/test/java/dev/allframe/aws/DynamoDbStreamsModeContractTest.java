package dev.allframe.aws;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The conformance kit against dynoxide in global order mode {@code streams}. That mode has no global order by
 * design (projections follow the table's DynamoDB stream): the backend must say so in its capabilities, with a
 * reason ({@link #expectsGlobalOrder()}), the kit's global-order tests check instead that every global read is
 * refused with that reason, and its global-order assertions inside per-stream tests are left out; snapshots in the
 * table (no bucket). Every per-stream promise (order, optimistic
 * concurrency under racing writers, atomic appends, limits, snapshots, checkpoints, saga state) is checked.
 * {@link DynamoDbStreamsModeTest} shows that {@code readAll} fails clearly instead.
 */
class DynamoDbStreamsModeContractTest extends DynamoDbBackendContractTest {
    @Override
    protected boolean expectsGlobalOrder() {
        return false;
    }

    @Override
    AwsStores openStores(DynamoDbClient client, String table) {
        return AwsStores.create(client, table, null, null, GlobalOrder.STREAMS);
    }
}
