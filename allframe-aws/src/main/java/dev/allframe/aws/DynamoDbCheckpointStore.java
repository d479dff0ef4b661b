package dev.allframe.aws;

import dev.allframe.eventstore.EventStoreException;
import dev.allframe.projection.CheckpointStore;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

import java.util.Map;
import java.util.Objects;

/** Checkpoints as items {@code PK = "$checkpoint#" + name}, {@code SK = "$"}, attribute {@code position} (N). */
final class DynamoDbCheckpointStore implements CheckpointStore {
    static final String PREFIX = DynamoDbSchema.RESERVED_PREFIX + "checkpoint#";
    private static final String POSITION = "position";

    private final DynamoDbClient client;
    private final String table;

    DynamoDbCheckpointStore(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    private static Map<String, AttributeValue> key(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("checkpoint name must not be blank");
        }
        return DynamoDbSchema.key(PREFIX + name, "$");
    }

    @Override
    public long load(String name) {
        Map<String, AttributeValue> key = key(name);
        try {
            GetItemResponse r = client.getItem(b -> b.tableName(table).key(key).consistentRead(true));
            return r.hasItem() && r.item().containsKey(POSITION) ? Long.parseLong(r.item().get(POSITION).n()) : 0;
        } catch (SdkException e) {
            throw new EventStoreException("Cannot load checkpoint '" + name + "' from DynamoDB table '" + table
                    + "': " + e.getMessage(), e);
        }
    }

    @Override
    public void save(String name, long position) {
        if (position < 0) {
            throw new IllegalArgumentException("checkpoint position (expected >= 0): " + position);
        }
        Map<String, AttributeValue> item = new java.util.HashMap<>(key(name));
        item.put(POSITION, DynamoDbSchema.n(position));
        try {
            client.putItem(b -> b.tableName(table).item(item));
        } catch (SdkException e) {
            throw new EventStoreException("Cannot save checkpoint '" + name + "' to DynamoDB table '" + table
                    + "': " + e.getMessage(), e);
        }
    }
}
