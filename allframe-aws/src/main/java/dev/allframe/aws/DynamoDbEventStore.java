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
 * That is global order mode {@link GlobalOrder#COUNTER}, the default. In mode {@link GlobalOrder#STREAMS}
 * ({@link #create(DynamoDbClient, String, boolean, GlobalOrder)}, {@code ALLFRAME_GLOBAL_ORDER=streams}) there is
 * no counter: an append is only its event {@code Put}s (plus the version check when needed), so up to
 * {@value #MAX_EVENTS_WITHOUT_COUNTER} events fit one {@code TransactWriteItems} and no key is shared by all
 * appends; events carry no global position (0) and {@link #readAll} throws {@link UnsupportedOperationException}:
 * projections follow the table's DynamoDB stream instead.
 * Thread-safe. In mode counter, appends through one instance are serialised (they all update the counter item).
 */
public interface DynamoDbEventStore extends EventStoreBackend {
    /**
     * Most events in one append, to a new or an existing stream: 100 transaction items less the global-position
     * counter. (The core allows 100; the module README explains why 100 is not reachable with gap-free global
     * positions.)
     */
    int MAX_EVENTS = 99;

    /** Most events in one append in global order mode {@link GlobalOrder#STREAMS}: a whole transaction. */
    int MAX_EVENTS_WITHOUT_COUNTER = 100;

    /**
     * @param client the client; closed by {@link #close()} only if {@code ownsClient}
     * @param table the table name
     * @return a store on the table, which must exist (see {@link DynamoDbTables#create})
     */
    static DynamoDbEventStore create(DynamoDbClient client, String table) {
        return new DynamoDbEventStoreBackend(Objects.requireNonNull(client, "client"),
                DynamoDbTables.checkName(table), Clock.systemUTC(), false, GlobalOrder.COUNTER);
    }

    /**
     * @param client the client
     * @param table the table name
     * @param ownsClient whether {@link #close()} closes the client
     * @return a store on the table
     */
    static DynamoDbEventStore create(DynamoDbClient client, String table, boolean ownsClient) {
        return new DynamoDbEventStoreBackend(Objects.requireNonNull(client, "client"),
                DynamoDbTables.checkName(table), Clock.systemUTC(), ownsClient, GlobalOrder.COUNTER);
    }

    /**
     * @param client the client
     * @param table the table name
     * @param ownsClient whether {@link #close()} closes the client
     * @param order the global order mode ({@link GlobalOrder#COUNTER} is what the other factories use)
     * @return a store on the table
     */
    static DynamoDbEventStore create(DynamoDbClient client, String table, boolean ownsClient, GlobalOrder order) {
        return new DynamoDbEventStoreBackend(Objects.requireNonNull(client, "client"),
                DynamoDbTables.checkName(table), Clock.systemUTC(), ownsClient, Objects.requireNonNull(order,
                "order"));
    }

    /** @return the table's name */
    String table();

    /** @return the global order mode this store was created with */
    GlobalOrder globalOrder();

    /**
     * @return the most events one append may hold: {@value #MAX_EVENTS} in mode counter,
     *         {@value #MAX_EVENTS_WITHOUT_COUNTER} in mode streams
     */
    int maxEvents();
}
