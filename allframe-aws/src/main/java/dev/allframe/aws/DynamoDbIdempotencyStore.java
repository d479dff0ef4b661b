package dev.allframe.aws;

import dev.allframe.eventstore.EventStoreException;
import dev.allframe.idempotency.Claim;
import dev.allframe.idempotency.IdempotencyStore;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Idempotency records in the event table: items {@code PK = "$idempotency#" + key}, {@code SK = "$"}, with
 * {@code token}, {@code state} ({@code claimed} or {@code completed}), {@code expires_ms} (N, the exact expiry the
 * conditions compare) and {@code expires_at} (N, epoch seconds: the table's TTL attribute, so DynamoDB deletes
 * expired records; TTL deletion is lazy, which is why conditions never rely on it). Each step is one conditional
 * request: "first delivery wins" is the condition {@code attribute_not_exists(PK) OR expires_ms <= now} on a put;
 * complete and release are conditional updates (release marks the record {@code released} and expired, so the next
 * claim takes it at once). Only {@code GetItem}, {@code PutItem} and {@code UpdateItem} are used: the actions a
 * function that appends to and reads the table is granted anyway.
 */
final class DynamoDbIdempotencyStore implements IdempotencyStore {
    static final String PREFIX = DynamoDbSchema.RESERVED_PREFIX + "idempotency#";
    private static final String TOKEN = "token";
    private static final String STATE = "state";
    private static final String EXPIRES_MS = "expires_ms";
    private static final String CLAIMED = "claimed";
    private static final String COMPLETED = "completed";
    private static final String RELEASED = "released";

    private final DynamoDbClient client;
    private final String table;
    private final Clock clock;

    DynamoDbIdempotencyStore(DynamoDbClient client, String table, Clock clock) {
        this.client = client;
        this.table = table;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    private static Map<String, AttributeValue> key(String key) {
        return DynamoDbSchema.key(PREFIX + key, "$");
    }

    private static void expiry(Map<String, AttributeValue> values, String prefix, long expiresMs) {
        values.put(prefix + "ms", DynamoDbSchema.n(expiresMs));
        values.put(prefix + "s", DynamoDbSchema.n(Math.floorDiv(expiresMs, 1000) + 1));
    }

    @Override
    public Claim claim(String key, Duration lease) {
        Checks.check(key, lease);
        long now = clock.millis();
        String token = UUID.randomUUID().toString();
        Map<String, AttributeValue> item = new HashMap<>(key(key));
        item.put(TOKEN, DynamoDbSchema.s(token));
        item.put(STATE, DynamoDbSchema.s(CLAIMED));
        item.put(EXPIRES_MS, DynamoDbSchema.n(now + lease.toMillis()));
        item.put(DynamoDbSchema.EXPIRES_AT, DynamoDbSchema.n(Math.floorDiv(now + lease.toMillis(), 1000) + 1));
        try {
            client.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(PK) OR #e <= :now")
                    .expressionAttributeNames(Map.of("#e", EXPIRES_MS))
                    .expressionAttributeValues(Map.of(":now", DynamoDbSchema.n(now)))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return Claim.acquired(key, token);
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> held = e.hasItem() ? e.item() : read(key);
            AttributeValue state = held == null ? null : held.get(STATE);
            return state != null && COMPLETED.equals(state.s()) ? Claim.completed(key) : Claim.inProgress(key);
        } catch (SdkException e) {
            throw failure("claim", key, e);
        }
    }

    private Map<String, AttributeValue> read(String key) {
        GetItemResponse r = client.getItem(b -> b.tableName(table).key(key(key)).consistentRead(true));
        return r.hasItem() ? r.item() : null;
    }

    @Override
    public boolean complete(Claim claim, Duration retention) {
        Checks.requireAcquired(claim);
        Checks.check(claim.key(), retention);
        long expires = clock.millis() + retention.toMillis();
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":t", DynamoDbSchema.s(claim.token()));
        values.put(":claimed", DynamoDbSchema.s(CLAIMED));
        values.put(":completed", DynamoDbSchema.s(COMPLETED));
        expiry(values, ":x", expires);
        try {
            client.updateItem(b -> b.tableName(table).key(key(claim.key()))
                    .updateExpression("SET #s = :completed, #e = :xms, #ttl = :xs")
                    .conditionExpression("#t = :t AND #s = :claimed")
                    .expressionAttributeNames(Map.of("#s", STATE, "#e", EXPIRES_MS, "#ttl",
                            DynamoDbSchema.EXPIRES_AT, "#t", TOKEN))
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        } catch (SdkException e) {
            throw failure("complete", claim.key(), e);
        }
    }

    @Override
    public void release(Claim claim) {
        Checks.requireAcquired(claim);
        // An update to "released, expired now", not a delete: the next claim's condition takes it at once, and the
        // store needs no dynamodb:DeleteItem (the actions an appending function is granted suffice).
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":t", DynamoDbSchema.s(claim.token()));
        values.put(":claimed", DynamoDbSchema.s(CLAIMED));
        values.put(":released", DynamoDbSchema.s(RELEASED));
        values.put(":expired", DynamoDbSchema.n(0));
        values.put(":ttl", DynamoDbSchema.n(Math.floorDiv(clock.millis(), 1000) + 1));
        try {
            client.updateItem(b -> b.tableName(table).key(key(claim.key()))
                    .updateExpression("SET #s = :released, #e = :expired, #ttl = :ttl")
                    .conditionExpression("#t = :t AND #s = :claimed")
                    .expressionAttributeNames(Map.of("#t", TOKEN, "#s", STATE, "#e", EXPIRES_MS, "#ttl",
                            DynamoDbSchema.EXPIRES_AT))
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException e) {
            // no longer this holder's claim: leave it
        } catch (SdkException e) {
            throw failure("release", claim.key(), e);
        }
    }

    private EventStoreException failure(String step, String key, SdkException e) {
        return new EventStoreException("Cannot " + step + " idempotency key '" + key + "' in DynamoDB table '"
                + table + "': " + e.getMessage(), e);
    }
}
