package dev.allframe.aws;

import dev.allframe.idempotency.Claim;
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
import java.util.concurrent.CountDownLatch;

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

    @Test
    void usesOnlyTheItemActionsAnAppendingAndReadingFunctionIsGranted() {
        Interceptors.Counting requests = new Interceptors.Counting();
        try (DynamoDbClient counted = StandIns.dynamoDb(requests)) {
            IdempotencyStore store = AwsStores.create(counted, StandIns.newTable(counted), null, null)
                    .idempotency(clock);
            requests.reset();
            Claim released = store.claim("sqs:m-iam", LEASE);
            store.release(released);
            Claim again = store.claim("sqs:m-iam", LEASE);
            assertThat(again.acquired()).isTrue();
            assertThat(store.complete(released, RETENTION)).isFalse();
            assertThat(store.complete(again, RETENTION)).isTrue();
            assertThat(store.claim("sqs:m-iam", LEASE).status()).isEqualTo(Claim.Status.COMPLETED);
            // dynamodb:PutItem and UpdateItem (append), GetItem (read): no DeleteItem to grant.
            assertThat(requests.byOperation().keySet()).isSubsetOf("PutItem", "UpdateItem", "GetItem");
        }
    }

    @Test
    void expiryIsExactToTheMillisecondNotRoundedToTheTtlSecond() {
        IdempotencyStore store = createStore(clock);
        Claim first = store.claim("sqs:m-exact", Duration.ofMillis(1500));
        clock.advance(Duration.ofMillis(1499));
        assertThat(store.claim("sqs:m-exact", LEASE).status()).isEqualTo(Claim.Status.IN_PROGRESS);
        clock.advance(Duration.ofMillis(1));
        Claim second = store.claim("sqs:m-exact", LEASE);
        assertThat(second.acquired()).isTrue();
        assertThat(store.complete(first, RETENTION)).isFalse();
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(tables.get(0)).consistentRead(true)
                .key(DynamoDbSchema.key("$idempotency#sqs:m-exact", "$"))).item();
        // TTL (epoch seconds) is rounded up, so DynamoDB never deletes a record before its exact expiry.
        long exactMs = clock.millis() + LEASE.toMillis();
        assertThat(Long.parseLong(item.get("expires_ms").n())).isEqualTo(exactMs);
        assertThat(Long.parseLong(item.get("expires_at").n()) * 1000).isGreaterThan(exactMs);
    }

    @Test
    void twoStoreInstancesWithTheirOwnClientsRacingForOneKeyGiveExactlyOneWinner() throws Exception {
        IdempotencyStore first = createStore(clock);
        try (DynamoDbClient otherClient = StandIns.dynamoDb()) {
            IdempotencyStore second = AwsStores.create(otherClient, tables.get(0), null, null).idempotency(clock);
            for (int round = 0; round < 5; round++) {
                String key = "sqs:race-" + round;
                CountDownLatch start = new CountDownLatch(1);
                List<Claim> claims = java.util.Collections.synchronizedList(new ArrayList<>());
                List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
                List<Thread> threads = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    IdempotencyStore store = i % 2 == 0 ? first : second;
                    threads.add(Thread.ofPlatform().start(() -> {
                        try {
                            start.await();
                            claims.add(store.claim(key, LEASE));
                        } catch (Throwable e) {
                            errors.add(e);
                        }
                    }));
                }
                start.countDown();
                for (Thread t : threads) {
                    t.join(10_000);
                }
                assertThat(errors).isEmpty();
                assertThat(claims).hasSize(6);
                assertThat(claims).filteredOn(Claim::acquired).as("round %d", round).hasSize(1);
                assertThat(claims).filteredOn(c -> !c.acquired()).extracting(Claim::status)
                        .containsOnly(Claim.Status.IN_PROGRESS);
                Claim winner = claims.stream().filter(Claim::acquired).findFirst().orElseThrow();
                // The claim lives in the table, not the instance: either instance completes it, both see it.
                assertThat((round % 2 == 0 ? first : second).complete(winner, RETENTION)).isTrue();
                assertThat(first.claim(key, LEASE).status()).isEqualTo(Claim.Status.COMPLETED);
                assertThat(second.claim(key, LEASE).status()).isEqualTo(Claim.Status.COMPLETED);
            }
        }
    }
}
