package dev.allframe.aws;

import dev.allframe.eventstore.EventStoreException;
import dev.allframe.projection.DeadLetterStore;
import dev.allframe.projection.ParkedEvent;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Dead letters as items {@code PK = "$deadletter#" + consumer}, {@code SK = stream id + "#" + version zero-padded to
 * 20 digits}, attributes {@code global_position} (N), {@code event_type} (S), {@code payload_bytes} (B),
 * {@code error_class} (S), {@code error_message} (S, absent when empty), {@code attempts} (N), {@code parked_at}
 * (S, ISO-8601). One partition per consumer, so {@link #list} is one consistent query (sorted by global position
 * here). Only {@code UpdateItem}, {@code PutItem} and {@code Query} are used, the actions a function that appends and
 * reads is granted: {@link #remove} marks the item {@code resolved} and lets the table's TTL
 * ({@value DynamoDbSchema#EXPIRES_AT}) delete it a day later; resolved items are not listed.
 */
final class DynamoDbDeadLetterStore implements DeadLetterStore {
    static final String PREFIX = DynamoDbSchema.RESERVED_PREFIX + "deadletter#";
    private static final String RESOLVED = "resolved";
    private static final long RESOLVED_KEPT_SECONDS = 24 * 3600;

    private final DynamoDbClient client;
    private final String table;

    DynamoDbDeadLetterStore(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    private static Map<String, AttributeValue> key(String consumer, String streamId, long version) {
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(streamId, "streamId");
        return DynamoDbSchema.key(PREFIX + consumer, streamId + "#" + DynamoDbSchema.sortKey(version));
    }

    @Override
    public void park(ParkedEvent e) {
        Objects.requireNonNull(e, "event");
        Map<String, AttributeValue> key = key(e.consumer(), e.streamId(), e.version());
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":p", DynamoDbSchema.n(e.globalPosition()));
        values.put(":t", DynamoDbSchema.s(e.type()));
        values.put(":b", AttributeValue.fromB(SdkBytes.fromByteArray(e.payload())));
        values.put(":c", DynamoDbSchema.s(e.errorClass()));
        values.put(":at", DynamoDbSchema.s(e.parkedAt().toString()));
        values.put(":n", DynamoDbSchema.n(e.attempts()));
        String message = "";
        if (!e.errorMessage().isEmpty()) {
            values.put(":m", DynamoDbSchema.s(e.errorMessage()));
            message = ", error_message = :m";
        }
        String update = "SET global_position = :p, event_type = :t, payload_bytes = :b, error_class = :c,"
                + " parked_at = :at" + message + (message.isEmpty() ? " REMOVE error_message" : "")
                + " ADD attempts :n";
        try {
            // An entry that is still open takes the new error and adds the attempts; a resolved one (or none) is
            // written afresh below.
            client.updateItem(b -> b.tableName(table).key(key).updateExpression(update)
                    .conditionExpression("attribute_exists(PK) AND attribute_not_exists(" + RESOLVED + ")")
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException fresh) {
            Map<String, AttributeValue> item = new HashMap<>(key);
            item.put(DynamoDbSchema.GLOBAL_POSITION, values.get(":p"));
            item.put(DynamoDbSchema.EVENT_TYPE, values.get(":t"));
            item.put(DynamoDbSchema.PAYLOAD_BYTES, values.get(":b"));
            item.put("error_class", values.get(":c"));
            if (values.containsKey(":m")) {
                item.put("error_message", values.get(":m"));
            }
            item.put("attempts", values.get(":n"));
            item.put("parked_at", values.get(":at"));
            try {
                client.putItem(b -> b.tableName(table).item(item));
            } catch (SdkException ex) {
                throw failure("park an event of", e.consumer(), ex);
            }
        } catch (SdkException ex) {
            throw failure("park an event of", e.consumer(), ex);
        }
    }

    @Override
    public List<ParkedEvent> list(String consumer) {
        Objects.requireNonNull(consumer, "consumer");
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("PK = :pk").filterExpression("attribute_not_exists(" + RESOLVED + ")")
                .expressionAttributeValues(Map.of(":pk", DynamoDbSchema.s(PREFIX + consumer)));
        List<ParkedEvent> out = new ArrayList<>();
        try {
            Map<String, AttributeValue> start = null;
            do {
                QueryResponse page = client.query(query.exclusiveStartKey(start).build());
                for (Map<String, AttributeValue> item : page.items()) {
                    out.add(parked(consumer, item));
                }
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                        ? page.lastEvaluatedKey() : null;
            } while (start != null);
        } catch (SdkException e) {
            throw failure("list the dead letters of", consumer, e);
        }
        out.sort(new Order());
        return out;
    }

    @Override
    public boolean remove(String consumer, String streamId, long version) {
        Map<String, AttributeValue> key = key(consumer, streamId, version);
        Map<String, AttributeValue> values = Map.of(":r", DynamoDbSchema.n(Instant.now().getEpochSecond()),
                ":ttl", DynamoDbSchema.n(Instant.now().getEpochSecond() + RESOLVED_KEPT_SECONDS));
        try {
            client.updateItem(b -> b.tableName(table).key(key)
                    .updateExpression("SET " + RESOLVED + " = :r, " + DynamoDbSchema.EXPIRES_AT + " = :ttl")
                    .conditionExpression("attribute_exists(PK) AND attribute_not_exists(" + RESOLVED + ")")
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        } catch (SdkException e) {
            throw failure("remove a dead letter of", consumer, e);
        }
    }

    /** Global order, then stream and version; a named class, not comparator lambdas (cold-start classes). */
    private static final class Order implements Comparator<ParkedEvent> {
        @Override
        public int compare(ParkedEvent a, ParkedEvent b) {
            int c = Long.compare(a.globalPosition(), b.globalPosition());
            if (c == 0) {
                c = a.streamId().compareTo(b.streamId());
            }
            return c != 0 ? c : Long.compare(a.version(), b.version());
        }
    }

    private static ParkedEvent parked(String consumer, Map<String, AttributeValue> item) {
        String sk = item.get(DynamoDbSchema.SK).s();
        int hash = sk.length() - 21; // "#" + 20 digits
        AttributeValue message = item.get("error_message");
        return new ParkedEvent(consumer, Long.parseLong(item.get(DynamoDbSchema.GLOBAL_POSITION).n()),
                sk.substring(0, hash), Long.parseLong(sk.substring(hash + 1)),
                item.get(DynamoDbSchema.EVENT_TYPE).s(), item.get(DynamoDbSchema.PAYLOAD_BYTES).b().asByteArray(),
                item.get("error_class").s(), message == null ? "" : message.s(),
                Integer.parseInt(item.get("attempts").n()), Instant.parse(item.get("parked_at").s()));
    }

    private EventStoreException failure(String what, String consumer, SdkException e) {
        return new EventStoreException("Cannot " + what + " '" + consumer + "' in DynamoDB table '" + table + "': "
                + e.getMessage(), e);
    }
}
