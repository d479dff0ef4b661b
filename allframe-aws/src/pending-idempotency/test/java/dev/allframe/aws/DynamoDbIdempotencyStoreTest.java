package dev.allframe.aws;

import dev.allframe.idempotency.IdempotencyStore;
import dev.allframe.testkit.idempotency.IdempotencyStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The idempotency conformance kit against a real DynamoDB API server, plus the TTL attribute. */
class DynamoDbIdempotencyStoreTest extends IdempotencyStoreContract {
    private final List<String> tables = new ArrayList<>();
    private DynamoDbClient client;

    @Override
    protected IdempotencyStore createStore(Clock clock) {
        if (client == null) {
            client = StandIns.dynamoDb();
        }
        String table = StandIns.newTable(client);
        tables.add(table);
        return AwsStores.create(client, table, null, null).idempotency(clock);
    }

    @AfterEach
    void dropTables() {
        if (client != null) {
            for (String t : tables) {
                client.deleteTable(b -> b.tableName(t));
            }
            client.close();
        }
    }

    @Test
    void recordsCarryTheTableTtlAttributeInEpochSeconds() {
        IdempotencyStore store = createStore(clock);
        store.complete(store.claim("sqs:m-ttl", Duration.ofSeconds(30)), Duration.ofHours(1));
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(tables.get(0)).consistentRead(true)
                .key(DynamoDbSchema.key("$idempotency#sqs:m-ttl", "$"))).item();
        long expected = clock.instant().plus(Duration.ofHours(1)).getEpochSecond();
        assertThat(Long.parseLong(item.get("expires_at").n())).isBetween(expected, expected + 1);
        assertThat(item.get("state").s()).isEqualTo("completed");
    }
}
