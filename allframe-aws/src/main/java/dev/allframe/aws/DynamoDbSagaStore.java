package dev.allframe.aws;

import dev.allframe.eventstore.EventStoreException;
import dev.allframe.saga.SagaState;
import dev.allframe.saga.SagaStore;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Saga instances as items {@code PK = "$saga#" + saga name}, {@code SK = saga id}: one partition per saga
 * definition, so {@link #active} is one consistent query.
 */
final class DynamoDbSagaStore implements SagaStore {
    static final String PREFIX = DynamoDbSchema.RESERVED_PREFIX + "saga#";

    private final DynamoDbClient client;
    private final String table;

    DynamoDbSagaStore(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public void save(SagaState state) {
        Objects.requireNonNull(state, "state");
        Map<String, AttributeValue> item = new HashMap<>(DynamoDbSchema.key(PREFIX + state.sagaName(),
                state.sagaId()));
        item.put("status", DynamoDbSchema.s(state.status().name()));
        item.put("step", DynamoDbSchema.n(state.step()));
        item.put("phase", DynamoDbSchema.s(state.phase().name()));
        Map<String, AttributeValue> data = new HashMap<>();
        state.data().forEach((k, v) -> data.put(k, DynamoDbSchema.s(v)));
        item.put("data", AttributeValue.fromM(data));
        if (state.deadline() != null) {
            item.put("deadline", DynamoDbSchema.s(state.deadline().toString()));
        }
        if (state.error() != null) {
            item.put("error", DynamoDbSchema.s(state.error()));
        }
        try {
            client.putItem(b -> b.tableName(table).item(item));
        } catch (SdkException e) {
            throw new EventStoreException("Cannot save saga " + state.sagaName() + "/" + state.sagaId()
                    + " to DynamoDB table '" + table + "': " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<SagaState> load(String sagaName, String sagaId) {
        Map<String, AttributeValue> key = DynamoDbSchema.key(PREFIX + Objects.requireNonNull(sagaName, "sagaName"),
                Objects.requireNonNull(sagaId, "sagaId"));
        try {
            GetItemResponse r = client.getItem(b -> b.tableName(table).key(key).consistentRead(true));
            return r.hasItem() && !r.item().isEmpty() ? Optional.of(state(sagaName, r.item())) : Optional.empty();
        } catch (SdkException e) {
            throw new EventStoreException("Cannot load saga " + sagaName + "/" + sagaId + " from DynamoDB table '"
                    + table + "': " + e.getMessage(), e);
        }
    }

    @Override
    public List<SagaState> active(String sagaName) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("PK = :pk").filterExpression("#s IN (:running, :compensating)")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":pk", DynamoDbSchema.s(PREFIX + sagaName),
                        ":running", DynamoDbSchema.s(SagaState.Status.RUNNING.name()),
                        ":compensating", DynamoDbSchema.s(SagaState.Status.COMPENSATING.name())));
        List<SagaState> out = new ArrayList<>();
        try {
            Map<String, AttributeValue> start = null;
            do {
                QueryResponse page = client.query(query.exclusiveStartKey(start).build());
                for (Map<String, AttributeValue> item : page.items()) {
                    out.add(state(sagaName, item));
                }
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                        ? page.lastEvaluatedKey() : null;
            } while (start != null);
        } catch (SdkException e) {
            throw new EventStoreException("Cannot list active sagas '" + sagaName + "' in DynamoDB table '" + table
                    + "': " + e.getMessage(), e);
        }
        return out;
    }

    private static SagaState state(String sagaName, Map<String, AttributeValue> item) {
        Map<String, String> data = new HashMap<>();
        AttributeValue m = item.get("data");
        if (m != null && m.hasM()) {
            m.m().forEach((k, v) -> data.put(k, v.s()));
        }
        AttributeValue deadline = item.get("deadline");
        AttributeValue error = item.get("error");
        return new SagaState(sagaName, item.get(DynamoDbSchema.SK).s(),
                SagaState.Status.valueOf(item.get("status").s()), Integer.parseInt(item.get("step").n()),
                SagaState.Phase.valueOf(item.get("phase").s()), data,
                deadline == null ? null : Instant.parse(deadline.s()), error == null ? null : error.s());
    }
}
