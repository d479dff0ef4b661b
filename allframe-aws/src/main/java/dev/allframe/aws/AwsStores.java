package dev.allframe.aws;

import dev.allframe.eventstore.EventStoreBackend;
import dev.allframe.idempotency.IdempotencyStore;
import dev.allframe.projection.CheckpointStore;
import dev.allframe.projection.DeadLetterStore;
import dev.allframe.saga.SagaStore;
import dev.allframe.snapshot.SnapshotStore;
import dev.allframe.store.Stores;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The stores of one application on AWS: events, checkpoints, dead letters and saga state in one DynamoDB table,
 * snapshots on S3 ({@code SNAPSHOT_BUCKET}) or, without a bucket, in the same table. Chosen from the environment:
 * <ul>
 *   <li>{@code ALLFRAME_STORE=dynamodb:TABLE} selects DynamoDB; any other {@code ALLFRAME_STORE} belongs to another
 *       module ({@code JdbcStores}), so {@link #fromEnvironment()} is empty;</li>
 *   <li>otherwise {@code EVENT_TABLE=TABLE} selects DynamoDB;</li>
 *   <li>otherwise {@link #fromEnvironment()} is empty and the application uses its embedded default.</li>
 * </ul>
 * {@code ALLFRAME_GLOBAL_ORDER=counter|streams} chooses the event store's {@link GlobalOrder} mode (default
 * {@code counter}); any other value is a configuration error naming the variable and the allowed values.
 * The clients use the JDK's URL connection and the SDK's default region and credentials chains, which also honour
 * {@code AWS_ENDPOINT_URL}, {@code AWS_ENDPOINT_URL_DYNAMODB} and {@code AWS_ENDPOINT_URL_S3} (local stand-ins).
 * With {@code ALLFRAME_CREATE_TABLES=true} (development only) a missing table and bucket are created; by default
 * nothing is. Thread-safe; {@link #close()} closes the clients. Implements {@link Stores}, so an application that
 * may also run on SQLite or PostgreSQL ({@code JdbcStores}) depends on the interface only.
 */
public final class AwsStores implements Stores {
    /** Store URL scheme for DynamoDB: {@code dynamodb:TABLE}. */
    public static final String SCHEME = "dynamodb:";

    private final DynamoDbClient dynamoDb;
    /** The S3 client when snapshots are on S3, typed loosely so that S3 classes load only when used. */
    private final AutoCloseable s3;
    private final DynamoDbEventStore events;
    private final SnapshotStore snapshots;
    private final CheckpointStore checkpoints;
    private final DeadLetterStore deadLetters;
    private final SagaStore sagas;
    private final IdempotencyStore idempotency;

    private AwsStores(DynamoDbClient dynamoDb, AutoCloseable s3, String table, SnapshotStore snapshots,
                      GlobalOrder order) {
        this.dynamoDb = dynamoDb;
        this.s3 = s3;
        this.events = DynamoDbEventStore.create(dynamoDb, table, false, order);
        this.snapshots = snapshots;
        this.checkpoints = new DynamoDbCheckpointStore(dynamoDb, table);
        this.deadLetters = new DynamoDbDeadLetterStore(dynamoDb, table);
        this.sagas = new DynamoDbSagaStore(dynamoDb, table);
        this.idempotency = new DynamoDbIdempotencyStore(dynamoDb, table, Clock.systemUTC());
    }

    /**
     * @return the stores the process environment selects, or empty when it selects none (see the class description)
     * @throws IllegalArgumentException if {@code ALLFRAME_STORE=dynamodb:} names no valid table
     */
    public static Optional<AwsStores> fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /**
     * @param env the environment to read ({@code ALLFRAME_STORE}, {@code EVENT_TABLE}, {@code SNAPSHOT_BUCKET},
     *            {@code ALLFRAME_CREATE_TABLES}); the SDK clients still read region, credentials and endpoints from
     *            the process environment
     * @return the selected stores, or empty
     * @throws IllegalArgumentException if {@code ALLFRAME_STORE=dynamodb:} names no valid table, or
     *         {@code ALLFRAME_GLOBAL_ORDER} is neither {@code counter} nor {@code streams}
     */
    public static Optional<AwsStores> fromEnvironment(Map<String, String> env) {
        Optional<String> table = selectedTable(env);
        if (table.isEmpty()) {
            return Optional.empty();
        }
        GlobalOrder order = GlobalOrder.parse(env.get(GlobalOrder.VARIABLE));
        String bucket = blankToNull(env.get("SNAPSHOT_BUCKET"));
        boolean create = "true".equalsIgnoreCase(env.get("ALLFRAME_CREATE_TABLES"));
        DynamoDbClient dynamoDb = dynamoDbClient();
        AutoCloseable s3 = null;
        try {
            if (create) {
                DynamoDbTables.create(dynamoDb, table.get());
            }
            SnapshotStore snapshots;
            if (bucket == null) {
                snapshots = new DynamoDbSnapshotStore(dynamoDb, table.get());
            } else {
                S3Client client = S3Support.client();
                s3 = client;
                if (create) {
                    S3Support.createBucketIfMissing(client, bucket);
                }
                snapshots = S3SnapshotStore.create(client, bucket);
            }
            return Optional.of(new AwsStores(dynamoDb, s3, table.get(), snapshots, order));
        } catch (NoClassDefFoundError e) {
            closeAll(dynamoDb, s3);
            throw new IllegalStateException("SNAPSHOT_BUCKET is set but the S3 client is not on the class path: add"
                    + " the dependency software.amazon.awssdk:s3 (excluding netty-nio-client and apache-client), or"
                    + " unset SNAPSHOT_BUCKET to keep snapshots in the event table (missing: " + e.getMessage() + ")",
                    e);
        } catch (RuntimeException e) {
            closeAll(dynamoDb, s3);
            throw e;
        }
    }

    private static void closeAll(DynamoDbClient dynamoDb, AutoCloseable s3) {
        dynamoDb.close();
        if (s3 != null) {
            try {
                s3.close();
            } catch (Exception ignored) {
                // already failing
            }
        }
    }

    /**
     * @param env an environment
     * @return the DynamoDB table it selects, if any
     * @throws IllegalArgumentException if {@code ALLFRAME_STORE=dynamodb:} names no valid table
     */
    public static Optional<String> selectedTable(Map<String, String> env) {
        String url = blankToNull(env.get("ALLFRAME_STORE"));
        if (url != null) {
            if (!url.startsWith(SCHEME)) {
                return Optional.empty();
            }
            String table = url.substring(SCHEME.length());
            if (table.isBlank()) {
                throw new IllegalArgumentException("store URL '" + url + "' names no table; expected dynamodb:TABLE");
            }
            return Optional.of(DynamoDbTables.checkName(table));
        }
        String table = blankToNull(env.get("EVENT_TABLE"));
        return table == null ? Optional.empty() : Optional.of(DynamoDbTables.checkName(table));
    }

    /**
     * @param dynamoDb a DynamoDB client, closed by {@link #close()}
     * @param table the event table
     * @param s3 an S3 client for snapshots, or {@code null} to keep snapshots in the table; closed by {@link #close()}
     * @param bucket the snapshot bucket, or {@code null}
     * @return the stores
     */
    public static AwsStores create(DynamoDbClient dynamoDb, String table, S3Client s3, String bucket) {
        return create(dynamoDb, table, s3, bucket, GlobalOrder.COUNTER);
    }

    /**
     * @param dynamoDb a DynamoDB client, closed by {@link #close()}
     * @param table the event table
     * @param s3 an S3 client for snapshots, or {@code null} to keep snapshots in the table; closed by {@link #close()}
     * @param bucket the snapshot bucket, or {@code null}
     * @param order the event store's global order mode
     * @return the stores
     */
    public static AwsStores create(DynamoDbClient dynamoDb, String table, S3Client s3, String bucket,
                                   GlobalOrder order) {
        Objects.requireNonNull(dynamoDb, "dynamoDb");
        Objects.requireNonNull(order, "order");
        DynamoDbTables.checkName(table);
        if ((s3 == null) != (bucket == null)) {
            throw new IllegalArgumentException("give both an S3 client and a bucket for S3 snapshots, or neither");
        }
        return new AwsStores(dynamoDb, s3, table, s3 == null ? new DynamoDbSnapshotStore(dynamoDb, table)
                : S3SnapshotStore.create(s3, bucket), order);
    }

    /**
     * A DynamoDB client on the URL-connection HTTP client. When {@code AWS_REGION} and the credential variables are
     * set (as on Lambda), they are used directly instead of walking the SDK's provider chains, which saves cold-start
     * time (docs/benchmarks/dynamodb.md); otherwise the default chains apply. Endpoint variables are honoured either
     * way.
     *
     * @return the client
     */
    public static DynamoDbClient dynamoDbClient() {
        DynamoDbClientBuilder builder = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create());
        String region = System.getenv("AWS_REGION");
        if (region != null && !region.isBlank()) {
            builder.region(Region.of(region.trim()));
        }
        if (System.getenv("AWS_ACCESS_KEY_ID") != null && System.getenv("AWS_SECRET_ACCESS_KEY") != null) {
            builder.credentialsProvider(EnvironmentVariableCredentialsProvider.create());
        }
        return builder.build();
    }

    /**
     * @return an S3 client on the URL-connection HTTP client, path-style when an endpoint override is set (needs the
     *         optional dependency {@code software.amazon.awssdk:s3})
     */
    public static S3Client s3Client() {
        return S3Support.client();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** @return the event store backend (a {@link DynamoDbEventStore}) */
    @Override
    public EventStoreBackend events() {
        return events;
    }

    /** @return {@code dynamodb:TABLE} */
    @Override
    public String url() {
        return SCHEME + table();
    }

    /** @return the event table's name */
    public String table() {
        return events.table();
    }

    /** @return the snapshot store: S3 when a bucket was given, else the event table */
    @Override
    public SnapshotStore snapshots() {
        return snapshots;
    }

    /** @return the checkpoint store (items in the event table) */
    @Override
    public CheckpointStore checkpoints() {
        return checkpoints;
    }

    /** @return the dead-letter store (items {@code $deadletter#CONSUMER} in the event table) */
    @Override
    public DeadLetterStore deadLetters() {
        return deadLetters;
    }

    /** @return the saga store (items in the event table) */
    @Override
    public SagaStore sagas() {
        return sagas;
    }

    /**
     * @return idempotency records in the event table (items {@code $idempotency#KEY}, TTL attribute
     *         {@code expires_at}), on the system clock
     */
    @Override
    public IdempotencyStore idempotency() {
        return idempotency;
    }

    /**
     * @param clock the clock that decides lease and retention expiry
     * @return a new store of idempotency records in the event table, on that clock (for tests of expiry)
     */
    public IdempotencyStore idempotency(Clock clock) {
        return new DynamoDbIdempotencyStore(dynamoDb, table(), clock);
    }

    /** @return the DynamoDB client, for further stores on the same table */
    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    @Override
    public void close() {
        closeAll(dynamoDb, s3);
    }

    @Override
    public String toString() {
        return "AwsStores[" + SCHEME + table()
                + (events.globalOrder() == GlobalOrder.COUNTER ? "" : ", global order streams") + (snapshots instanceof S3SnapshotStore s ? ", s3://" + s.bucket() : "")
                + "]";
    }
}
