package dev.allframe.aws;

import dev.allframe.eventstore.BackendCapabilities;
import dev.allframe.eventstore.ConcurrencyConflictException;
import dev.allframe.eventstore.EventData;
import dev.allframe.eventstore.EventStoreException;
import dev.allframe.eventstore.EventStoreBackend;
import dev.allframe.eventstore.ExpectedVersion;
import dev.allframe.eventstore.RecordedEvent;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;

import static dev.allframe.aws.DynamoDbSchema.COUNTER_HEAD;
import static dev.allframe.aws.DynamoDbSchema.COUNTER_KEY;
import static dev.allframe.aws.DynamoDbSchema.GLOBAL_POSITION;
import static dev.allframe.aws.DynamoDbSchema.PK;
import static dev.allframe.aws.DynamoDbSchema.SK;
import static dev.allframe.aws.DynamoDbSchema.n;
import static dev.allframe.aws.DynamoDbSchema.s;

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
 * appends; events carry no global position (0) and {@link #capabilities()} reports no global order, so
 * {@code readAll} and catch-up subscriptions are refused with the reason: projections follow the table's DynamoDB
 * stream instead.
 * Thread-safe. In mode counter, appends through one instance are serialised (they all update the counter item).
 */
public final class DynamoDbEventStoreBackend implements EventStoreBackend {
    /**
     * Most events in one append, to a new or an existing stream: 100 transaction items less the global-position
     * counter. (The core allows 100; the module README explains why 100 is not reachable with gap-free global
     * positions.)
     */
    public static final int MAX_EVENTS = 99;

    /** Most events in one append in global order mode {@link GlobalOrder#STREAMS}: a whole transaction. */
    public static final int MAX_EVENTS_WITHOUT_COUNTER = 100;

    /**
     * @param client the client; closed by {@link #close()} only if {@code ownsClient}
     * @param table the table name
     * @throws NullPointerException if {@code client} is null
     * @throws IllegalArgumentException if {@code table} is not a valid DynamoDB table name
     * @return a backend on the table, which must exist (see {@link DynamoDbTables#create})
     */
    public static DynamoDbEventStoreBackend create(DynamoDbClient client, String table) {
        return new DynamoDbEventStoreBackend(Objects.requireNonNull(client, "client"),
                DynamoDbTables.checkName(table), Clock.systemUTC(), false, GlobalOrder.COUNTER);
    }

    /**
     * @param client the client
     * @param table the table name
     * @param ownsClient whether {@link #close()} closes the client
     * @return a backend on the table
     */
    public static DynamoDbEventStoreBackend create(DynamoDbClient client, String table, boolean ownsClient) {
        return new DynamoDbEventStoreBackend(Objects.requireNonNull(client, "client"),
                DynamoDbTables.checkName(table), Clock.systemUTC(), ownsClient, GlobalOrder.COUNTER);
    }

    /**
     * @param client the client
     * @param table the table name
     * @param ownsClient whether {@link #close()} closes the client
     * @param order the global order mode ({@link GlobalOrder#COUNTER} is what the other factories use)
     * @return a backend on the table
     */
    public static DynamoDbEventStoreBackend create(DynamoDbClient client, String table, boolean ownsClient, GlobalOrder order) {
        return new DynamoDbEventStoreBackend(Objects.requireNonNull(client, "client"),
                DynamoDbTables.checkName(table), Clock.systemUTC(), ownsClient, Objects.requireNonNull(order,
                "order"));
    }

    /** Attempts when the counter moved under us (another process appended) or DynamoDB reports a conflict. */
    private static final int MAX_ATTEMPTS = 100;
    private static final String CONDITION_FAILED = "ConditionalCheckFailed";
    /** Items one TransactWriteItems may hold. */
    private static final int TRANSACTION_ITEMS = 100;

    private final DynamoDbClient client;
    private final String table;
    private final Clock clock;
    private final boolean ownsClient;
    private final GlobalOrder order;
    private final BackendCapabilities capabilities;
    /** Appends through this instance take turns: they would only defeat each other on the counter item. */
    private final ReentrantLock appendLock = new ReentrantLock();
    /** The counter's value as last seen, or -1 when unknown (read before the next append). Guarded by appendLock. */
    private long knownHead = -1;
    /** Stream versions this instance has seen exist, so appends after them need no version check. */
    private final ObservedVersions observed = new ObservedVersions(10_000);

    private DynamoDbEventStoreBackend(DynamoDbClient client, String table, Clock clock, boolean ownsClient,
                                      GlobalOrder order) {
        this.client = client;
        this.table = table;
        this.clock = clock;
        this.ownsClient = ownsClient;
        this.order = order;
        this.capabilities = order == GlobalOrder.COUNTER ? BackendCapabilities.all()
                : BackendCapabilities.withoutGlobalOrder("DynamoDB table '" + table + "' is in global order mode"
                + " 'streams' (" + GlobalOrder.VARIABLE + "=streams): events carry no global position, so there is no"
                + " readAll and no catch-up subscription. Drive projections from the table's DynamoDB stream (the"
                + " DynamoDB Streams door), or switch to " + GlobalOrder.VARIABLE + "=counter");
    }

    /** @return the table's name */
    public String table() {
        return table;
    }

    /** @return the global order mode this backend was created with */
    public GlobalOrder globalOrder() {
        return order;
    }

    /**
     * @return the most events one append may hold: {@value #MAX_EVENTS} in mode counter,
     *         {@value #MAX_EVENTS_WITHOUT_COUNTER} in mode streams
     */
    public int maxEvents() {
        return order == GlobalOrder.COUNTER ? MAX_EVENTS : MAX_EVENTS_WITHOUT_COUNTER;
    }

    private boolean counter() {
        return order == GlobalOrder.COUNTER;
    }

    @Override
    public List<RecordedEvent> append(String streamId, List<EventData> events, ExpectedVersion expected) {
        checkNotReserved(streamId);
        if (events.size() > maxEvents()) {
            throw new IllegalArgumentException("an append on DynamoDB holds " + events.size() + " events (expected <= "
                    + maxEvents() + (counter() ? "): TransactWriteItems takes 100 items and one of them is the"
                    + " global-position counter (global order mode 'counter'); split the command's events, snapshot"
                    + " more often, or use global order mode 'streams' (100 events)"
                    : "): TransactWriteItems takes at most 100 items; split the command's events or snapshot more"
                    + " often"));
        }
        if (!counter()) {
            // No shared item: appends to different streams do not contend, so they need not take turns.
            return appendWithRetries(streamId, events, expected);
        }
        appendLock.lock();
        try {
            return appendWithRetries(streamId, events, expected);
        } finally {
            appendLock.unlock();
        }
    }

    private List<RecordedEvent> appendWithRetries(String streamId, List<EventData> events, ExpectedVersion expected) {
        SdkException lastFailure = null;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            long current = expected instanceof ExpectedVersion.Exactly exactly ? exactly.version() : version(streamId);
            // Item `current` must exist, or the append would leave a hole. Events are never changed or deleted, so
            // once this instance has seen it (a read, a version query, its own append) that needs no check.
            boolean check = current > 0 && !observed.covers(streamId, current);
            if (check && events.size() + (counter() ? 1 : 0) + 1 > TRANSACTION_ITEMS) {
                // The check would be the 101st item: prove the expected version with one consistent read instead.
                if (!eventExists(streamId, current)) {
                    throw new ConcurrencyConflictException(streamId, expected, version(streamId));
                }
                check = false;
            }
            if (counter() && knownHead < 0) {
                knownHead = readHead();
            }
            long head = counter() ? knownHead : 0;
            Instant now = clock.instant();
            List<RecordedEvent> recorded = new ArrayList<>(events.size());
            for (int i = 0; i < events.size(); i++) {
                EventData e = events.get(i);
                // Without the counter there is no global position: 0, which no positioned event has.
                recorded.add(new RecordedEvent(streamId, current + 1 + i, counter() ? head + 1 + i : 0, e.type(),
                        e.payload(), e.metadata(), now));
            }
            List<TransactWriteItem> items = transaction(streamId, current, head, recorded, check);
            try {
                client.transactWriteItems(b -> b.transactItems(items));
                observed.saw(streamId, current + events.size());
                if (counter()) {
                    knownHead = head + events.size();
                }
                return List.copyOf(recorded);
            } catch (TransactionCanceledException e) {
                Outcome outcome = outcome(e, items.size(), counter());
                switch (outcome) {
                    case STREAM_CONFLICT -> {
                        if (expected instanceof ExpectedVersion.Exactly) {
                            throw new ConcurrencyConflictException(streamId, expected, version(streamId));
                        }
                        // any(): another writer appended between our read and write; read again.
                    }
                    case COUNTER_MOVED -> knownHead = headFrom(e.cancellationReasons().get(0));
                    case BUSY -> pause(attempt);
                    case OTHER -> throw new EventStoreException("DynamoDB append to stream '" + streamId
                            + "' in table '" + table + "' was cancelled; nothing was written: " + reasons(e), e);
                }
                lastFailure = e;
            } catch (SdkException e) {
                // The outcome may be unknown (the SDK retried with the same client token and gave up): the
                // counter must be read again before the next append.
                knownHead = -1;
                throw new EventStoreException("DynamoDB append to stream '" + streamId + "' in table '" + table
                        + "' failed: " + e.getMessage(), e);
            }
        }
        throw new EventStoreException("DynamoDB append to stream '" + streamId + "' gave up after " + MAX_ATTEMPTS
                + " attempts: " + (counter() ? "the global-position counter" : "the stream") + " stayed contended;"
                + " nothing was written", lastFailure);
    }

    private List<TransactWriteItem> transaction(String streamId, long current, long head,
                                                List<RecordedEvent> recorded, boolean check) {
        List<TransactWriteItem> items = new ArrayList<>(recorded.size() + 2);
        if (counter()) {
            items.add(counterUpdate(head, recorded.size()));
        }
        if (check) {
            items.add(TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table)
                    .key(DynamoDbSchema.key(streamId, DynamoDbSchema.sortKey(current)))
                    .conditionExpression("attribute_exists(PK)").build()).build());
        }
        for (RecordedEvent e : recorded) {
            items.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                    .item(DynamoDbSchema.eventItem(e, counter())).conditionExpression("attribute_not_exists(PK)")
                    .build()).build());
        }
        return items;
    }

    private TransactWriteItem counterUpdate(long head, int count) {
        long newHead = head + count;
        Update.Builder counter = Update.builder().tableName(table).key(DynamoDbSchema.key(COUNTER_KEY, COUNTER_KEY))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD);
        if (head == 0) {
            counter.updateExpression("SET #h = :new").conditionExpression("attribute_not_exists(#h)")
                    .expressionAttributeNames(Map.of("#h", COUNTER_HEAD))
                    .expressionAttributeValues(Map.of(":new", n(newHead)));
        } else {
            counter.updateExpression("SET #h = :new").conditionExpression("#h = :old")
                    .expressionAttributeNames(Map.of("#h", COUNTER_HEAD))
                    .expressionAttributeValues(Map.of(":new", n(newHead), ":old", n(head)));
        }
        return TransactWriteItem.builder().update(counter.build()).build();
    }

    private enum Outcome { STREAM_CONFLICT, COUNTER_MOVED, BUSY, OTHER }

    /** @param counterFirst whether item 0 is the counter update (mode {@code counter}) */
    private static Outcome outcome(TransactionCanceledException e, int itemCount, boolean counterFirst) {
        List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
        if (reasons.size() != itemCount) {
            return Outcome.OTHER;
        }
        boolean counterMoved = false;
        boolean busy = false;
        for (int i = 0; i < reasons.size(); i++) {
            String code = reasons.get(i).code();
            if (code == null || code.equals("None")) {
                continue;
            }
            if (code.equals(CONDITION_FAILED)) {
                if (i == 0 && counterFirst) {
                    counterMoved = true;
                } else {
                    return Outcome.STREAM_CONFLICT;
                }
            } else if (code.equals("TransactionConflict") || code.equals("ThrottlingError")
                    || code.equals("ProvisionedThroughputExceeded")) {
                busy = true;
            } else {
                return Outcome.OTHER;
            }
        }
        if (counterMoved) {
            return Outcome.COUNTER_MOVED;
        }
        return busy ? Outcome.BUSY : Outcome.OTHER;
    }

    private long headFrom(CancellationReason reason) {
        if (reason.hasItem() && reason.item().containsKey(COUNTER_HEAD)) {
            return Long.parseLong(reason.item().get(COUNTER_HEAD).n());
        }
        return -1;
    }

    private static String reasons(TransactionCanceledException e) {
        if (!e.hasCancellationReasons()) {
            return e.getMessage();
        }
        List<String> parts = new ArrayList<>();
        for (CancellationReason r : e.cancellationReasons()) {
            parts.add(r.code() + (r.message() == null ? "" : " (" + r.message() + ")"));
        }
        return String.join(", ", parts);
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L + Math.min(attempt, 10) * 5L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventStoreException("interrupted while retrying a DynamoDB append", e);
        }
    }

    private boolean eventExists(String streamId, long version) {
        try {
            boolean exists = client.getItem(b -> b.tableName(table).consistentRead(true).projectionExpression(PK)
                    .key(DynamoDbSchema.key(streamId, DynamoDbSchema.sortKey(version)))).hasItem();
            if (exists) {
                observed.saw(streamId, version);
            }
            return exists;
        } catch (SdkException e) {
            throw new EventStoreException("Cannot read version " + version + " of stream '" + streamId
                    + "' from DynamoDB table '" + table + "': " + e.getMessage(), e);
        }
    }

    private long readHead() {
        try {
            GetItemResponse r = client.getItem(b -> b.tableName(table)
                    .key(DynamoDbSchema.key(COUNTER_KEY, COUNTER_KEY)).consistentRead(true));
            AttributeValue head = r.hasItem() ? r.item().get(COUNTER_HEAD) : null;
            return head == null ? 0 : Long.parseLong(head.n());
        } catch (SdkException e) {
            throw new EventStoreException("Cannot read the global-position counter of DynamoDB table '" + table
                    + "': " + e.getMessage(), e);
        }
    }

    @Override
    public List<RecordedEvent> read(String streamId, long fromVersion) {
        if (streamId.startsWith(DynamoDbSchema.RESERVED_PREFIX)) {
            return List.of();
        }
        String from = DynamoDbSchema.sortKey(Math.max(1, fromVersion));
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("PK = :pk AND SK >= :from")
                .expressionAttributeValues(Map.of(":pk", s(streamId), ":from", s(from)));
        List<RecordedEvent> out = new ArrayList<>();
        try {
            Map<String, AttributeValue> start = null;
            do {
                QueryResponse page = client.query(query.exclusiveStartKey(start).build());
                for (Map<String, AttributeValue> item : page.items()) {
                    out.add(DynamoDbSchema.event(item));
                }
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                        ? page.lastEvaluatedKey() : null;
            } while (start != null);
            if (!out.isEmpty()) {
                observed.saw(streamId, out.get(out.size() - 1).version());
            }
        } catch (SdkException e) {
            throw new EventStoreException("Cannot read stream '" + streamId + "' from DynamoDB table '" + table
                    + "': " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public long version(String streamId) {
        if (streamId.startsWith(DynamoDbSchema.RESERVED_PREFIX)) {
            return 0;
        }
        try {
            QueryResponse r = client.query(b -> b.tableName(table).consistentRead(true)
                    .keyConditionExpression("PK = :pk").expressionAttributeValues(Map.of(":pk", s(streamId)))
                    .scanIndexForward(false).limit(1).projectionExpression(SK));
            long version = r.items().isEmpty() ? 0 : Long.parseLong(r.items().get(0).get(SK).s());
            observed.saw(streamId, version);
            return version;
        } catch (SdkException e) {
            throw new EventStoreException("Cannot read the version of stream '" + streamId
                    + "' from DynamoDB table '" + table + "': " + e.getMessage(), e);
        }
    }

    @Override
    public List<RecordedEvent> readAll(long fromGlobalPosition, int maxCount) {
        capabilities.requireGlobalOrder();
        long next = Math.max(1, fromGlobalPosition);
        List<RecordedEvent> out = new ArrayList<>();
        try {
            while (out.size() < maxCount) {
                long bucket = next / DynamoDbSchema.BUCKET_SIZE;
                long bucketEnd = (bucket + 1) * DynamoDbSchema.BUCKET_SIZE;
                List<RecordedEvent> found = bucket(bucket, next);
                for (RecordedEvent e : found) {
                    if (e.globalPosition() != next || out.size() == maxCount) {
                        // A hole: the index has not caught up with a committed event yet (positions are gap-free).
                        // Stop before it, so a catch-up reader never passes over it.
                        return out;
                    }
                    out.add(e);
                    next++;
                }
                if (next < bucketEnd) {
                    return out;
                }
            }
        } catch (AbortedException e) {
            if (Thread.currentThread().isInterrupted()) {
                // The reader is being stopped (a subscription closing): a shorter gap-free batch is still a
                // correct answer, and the caller sees the interrupt at its next wait.
                return out;
            }
            throw new EventStoreException("Reading the global order from DynamoDB table '" + table
                    + "' was aborted: " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new EventStoreException("Cannot read the global order from DynamoDB table '" + table + "' index '"
                    + DynamoDbSchema.INDEX + "': " + e.getMessage(), e);
        }
        return out;
    }

    /** @return the bucket's events from {@code from} on, in position order */
    private List<RecordedEvent> bucket(long bucket, long from) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(DynamoDbSchema.INDEX)
                .keyConditionExpression("#b = :b").filterExpression("#g >= :from")
                .expressionAttributeNames(Map.of("#b", DynamoDbSchema.TIME_BUCKET, "#g", GLOBAL_POSITION))
                .expressionAttributeValues(Map.of(":b", s("p" + bucket), ":from", n(from)));
        List<RecordedEvent> found = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = client.query(query.exclusiveStartKey(start).build());
            for (Map<String, AttributeValue> item : page.items()) {
                found.add(DynamoDbSchema.event(item));
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        found.sort(Comparator.comparingLong(RecordedEvent::globalPosition));
        return found;
    }

    @Override
    public BackendCapabilities capabilities() {
        return capabilities;
    }

    static void checkNotReserved(String streamId) {
        if (streamId.startsWith(DynamoDbSchema.RESERVED_PREFIX)) {
            throw new IllegalArgumentException("stream id must not start with '" + DynamoDbSchema.RESERVED_PREFIX
                    + "' on DynamoDB (reserved for the store's own items): '" + streamId + "'");
        }
    }

    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }

    @Override
    public String toString() {
        return "DynamoDbEventStoreBackend[" + table + (counter() ? "" : ", global order streams") + "]";
    }
}
