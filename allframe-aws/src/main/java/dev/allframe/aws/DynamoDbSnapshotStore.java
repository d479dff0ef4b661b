package dev.allframe.aws;

import dev.allframe.eventstore.EventStoreException;
import dev.allframe.eventstore.EventStoreLimits;
import dev.allframe.snapshot.Snapshot;
import dev.allframe.snapshot.SnapshotStore;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Snapshots in the event table when no {@code SNAPSHOT_BUCKET} is set: items {@code PK = "$snapshot#" + stream id},
 * {@code SK = "$"}, written with the condition that no newer version is stored. Limited by DynamoDB's 400 KB item
 * size; use {@link S3SnapshotStore} for larger states.
 */
final class DynamoDbSnapshotStore implements SnapshotStore {
    static final String PREFIX = DynamoDbSchema.RESERVED_PREFIX + "snapshot#";

    private final DynamoDbClient client;
    private final String table;

    DynamoDbSnapshotStore(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public void save(Snapshot snapshot) {
        EventStoreLimits.checkStreamId(snapshot.streamId());
        Map<String, AttributeValue> item = new HashMap<>(DynamoDbSchema.key(PREFIX + snapshot.streamId(), "$"));
        item.put("version", DynamoDbSchema.n(snapshot.version()));
        item.put("state", AttributeValue.fromB(SdkBytes.fromByteArray(snapshot.payload())));
        item.put(DynamoDbSchema.TIMESTAMP, DynamoDbSchema.s(snapshot.timestamp().toString()));
        try {
            client.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(PK) OR version < :v")
                    .expressionAttributeValues(Map.of(":v", DynamoDbSchema.n(snapshot.version()))));
        } catch (ConditionalCheckFailedException e) {
            // a newer (or the same) snapshot is stored: keep it
        } catch (SdkException e) {
            throw new EventStoreException("Cannot save the snapshot of stream '" + snapshot.streamId()
                    + "' to DynamoDB table '" + table + "': " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Snapshot> load(String streamId) {
        EventStoreLimits.checkStreamId(streamId);
        try {
            GetItemResponse r = client.getItem(b -> b.tableName(table)
                    .key(DynamoDbSchema.key(PREFIX + streamId, "$")).consistentRead(true));
            if (!r.hasItem() || r.item().isEmpty()) {
                return Optional.empty();
            }
            Map<String, AttributeValue> item = r.item();
            return Optional.of(new Snapshot(streamId, Long.parseLong(item.get("version").n()),
                    item.get("state").b().asByteArray(), Instant.parse(item.get(DynamoDbSchema.TIMESTAMP).s())));
        } catch (SdkException e) {
            throw new EventStoreException("Cannot load the snapshot of stream '" + streamId
                    + "' from DynamoDB table '" + table + "': " + e.getMessage(), e);
        }
    }
}
