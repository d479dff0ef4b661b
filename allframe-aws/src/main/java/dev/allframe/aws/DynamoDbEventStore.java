package dev.allframe.aws;

import dev.allframe.eventstore.EventStoreBackend;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.Objects;

/**
 * The event store backend on one DynamoDB table (schema in {@link DynamoDbSchema} and the module README).
 *
 * <ul>
 *   <li>An append is one {@code TransactWriteItems}: a {@code Put} per event with {@code attribute_not_exists(PK)},
 *       a {@code ConditionCheck} that the expected version exists (exact expectations above 0 that this instance
 *       has not seen exist already: events are immutable, so a version once read or written stays proven) and
 *       the update of the global-position counter item. All or nothing; no read before the write when the expected version is
 *       given. A failed event condition becomes a {@link dev.allframe.eventstore.ConcurrencyConflictException}
 *       carrying the actual version (one consistent read after the failure).</li>
 *   <li>The counter item makes global positions gap-free and ordered by commit, at the price of one item every
 *       append writes: its throughput is the table's append limit (docs/benchmarks/dynamodb.md).</li>
 *   <li>Since a transaction holds at most 100 items and the counter takes one, an append holds at most
 *       {@value #MAX_EVENTS} events; larger appends are rejected with an {@link IllegalArgumentException} before
 *       any request. A full append at an expected version this instance has not seen exist proves it with one
 *       consistent {@code GetItem} first (two requests) instead of the check, which would not fit.</li>
 *   <li>Stream reads are consistent queries paged through {@code LastEvaluatedKey}; {@code readAll} queries the
 *       {@value DynamoDbSchema#INDEX} index bucket by bucket and returns only a gap-free run of positions, so an
 *       index that lags never makes a catch-up reader skip an event.</li>
 * </ul>
 * Thread-safe. Appends through one instance are serialised (they all update the counter item).
 */
public interface DynamoDbEventStore extends EventStoreBackend {
    /**
     * Most events in one append, to a new or an existing stream: 100 transaction items less the global-position
     * counter. (The core allows 100; the module README explains why 100 is not reachable with gap-free global
     * positions.)
     */
    int MAX_EVENTS = 99;

    /**
     * @param client the client; closed by {@link #close()} only if {@code ownsClient}
     * @param table the table name
     * @return a store on the table, which must exist (see {@link DynamoDbTables#create})
     */
    static DynamoDbEventStore create(DynamoDbClient client, String table) {
        return new DynamoDbEventStoreBackend(Objects.requireNonNull(client, "client"),
                DynamoDbTables.checkName(table), Clock.systemUTC(), false);
    }

    /**
     * @param client the client
     * @param table the table name
     * @param ownsClient whether {@link #close()} closes the client
     * @return a store on the table
     */
    static DynamoDbEventStore create(DynamoDbClient client, String table, boolean ownsClient) {
        return new DynamoDbEventStoreBackend(Objects.requireNonNull(client, "client"),
                DynamoDbTables.checkName(table), Clock.systemUTC(), ownsClient);
    }

    /** @return the table's name */
    String table();
}
