package dev.allframe.jdbc;

import dev.allframe.eventstore.EventStoreBackend;
import dev.allframe.eventstore.inmemory.InMemoryEventStoreBackend;
import dev.allframe.idempotency.IdempotencyStore;
import dev.allframe.projection.CheckpointStore;
import dev.allframe.projection.DeadLetterStore;
import dev.allframe.saga.SagaStore;
import dev.allframe.snapshot.SnapshotStore;
import dev.allframe.store.Stores;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Objects;
import java.util.Properties;

/**
 * The stores of one application over one database: events, snapshots, checkpoints, dead letters, saga state and
 * idempotency records. Open them from a
 * store URL ({@code ALLFRAME_STORE}):
 * <ul>
 *   <li>{@code sqlite:PATH} (or {@code jdbc:sqlite:PATH}): one SQLite file in WAL mode, created with its parent
 *       directories; the embedded durable default;</li>
 *   <li>{@code jdbc:postgresql://HOST:PORT/DB?user=U&password=P}: PostgreSQL;</li>
 *   <li>{@code memory:}: in memory, lost with the process.</li>
 * </ul>
 * Tables are created if missing. Thread-safe; close it to release the database. Implements {@link Stores}, so an
 * application that may also run on DynamoDB ({@code AwsStores}) depends on the interface only.
 */
public final class JdbcStores implements Stores {
    /** The default store URL when {@code ALLFRAME_STORE} is not set. */
    public static final String DEFAULT_URL = "sqlite:.allframe/allframe.db";

    private final String url;
    private final EventStoreBackend events;
    private final SnapshotStore snapshots;
    private final CheckpointStore checkpoints;
    private final DeadLetterStore deadLetters;
    private final SagaStore sagas;
    private final IdempotencyStore idempotency;
    private final ConnectionPool pool;

    private JdbcStores(String url, EventStoreBackend events, SnapshotStore snapshots, CheckpointStore checkpoints,
                       DeadLetterStore deadLetters, SagaStore sagas, IdempotencyStore idempotency,
                       ConnectionPool pool) {
        this.url = url;
        this.events = events;
        this.snapshots = snapshots;
        this.checkpoints = checkpoints;
        this.deadLetters = deadLetters;
        this.sagas = sagas;
        this.idempotency = idempotency;
        this.pool = pool;
    }

    /**
     * Opens the stores named by {@code ALLFRAME_STORE}, or {@value #DEFAULT_URL}.
     *
     * @return the stores
     * @throws IllegalArgumentException if the URL is not understood
     */
    public static JdbcStores fromEnvironment() {
        String url = System.getenv("ALLFRAME_STORE");
        return open(url == null || url.isBlank() ? DEFAULT_URL : url);
    }

    /**
     * @param url a store URL (see the class description)
     * @return the stores
     * @throws IllegalArgumentException if the URL is not understood
     * @throws dev.allframe.eventstore.EventStoreException if the database cannot be opened
     */
    public static JdbcStores open(String url) {
        Objects.requireNonNull(url, "url");
        if (url.equals("memory:") || url.equals("memory")) {
            return new JdbcStores(url, InMemoryEventStoreBackend.create(), SnapshotStore.inMemory(),
                    CheckpointStore.inMemory(), DeadLetterStore.inMemory(), SagaStore.inMemory(),
                    IdempotencyStore.inMemory(), null);
        }
        if (url.startsWith("sqlite:") || url.startsWith("jdbc:sqlite:")) {
            String path = url.substring(url.indexOf("sqlite:") + "sqlite:".length());
            if (path.isBlank()) {
                throw new IllegalArgumentException("store URL '" + url + "' names no file; expected sqlite:PATH");
            }
            return sqlite(Path.of(path));
        }
        if (url.startsWith("jdbc:postgresql:") || url.startsWith("postgresql:")) {
            return postgres(url.startsWith("jdbc:") ? url : "jdbc:" + url, new Properties());
        }
        throw new IllegalArgumentException("Unsupported store URL '" + url
                + "'; expected memory:, sqlite:PATH or jdbc:postgresql://HOST:PORT/DB");
    }

    /**
     * @param file the database file; it and its parent directories are created if missing
     * @return the stores
     */
    public static JdbcStores sqlite(Path file) {
        Path absolute = file.toAbsolutePath();
        try {
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the directory for SQLite store " + absolute, e);
        }
        Properties p = new Properties();
        p.setProperty("journal_mode", "WAL");
        // NORMAL in WAL mode loses no committed append when the process is killed (only on power loss).
        p.setProperty("synchronous", "NORMAL");
        p.setProperty("busy_timeout", "10000");
        // Take the write lock at BEGIN, so two processes never deadlock upgrading a read to a write.
        p.setProperty("transaction_mode", "IMMEDIATE");
        String jdbc = "jdbc:sqlite:" + absolute;
        return create("sqlite:" + absolute, Dialect.SQLITE, () -> DriverManager.getConnection(jdbc, p), 4);
    }

    /**
     * @param jdbcUrl a {@code jdbc:postgresql:} URL
     * @param properties driver properties ({@code user}, {@code password}, ...)
     * @return the stores
     */
    public static JdbcStores postgres(String jdbcUrl, Properties properties) {
        Properties p = new Properties();
        p.putAll(properties);
        return create(jdbcUrl.replaceAll("password=[^&]*", "password=***"), Dialect.POSTGRES,
                () -> DriverManager.getConnection(jdbcUrl, p), 8);
    }

    private static JdbcStores create(String description, Dialect dialect, ConnectionPool.Opener opener, int size) {
        ConnectionPool pool = new ConnectionPool(opener, size);
        try {
            pool.with(c -> {
                createSchema(c, dialect);
                return null;
            });
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new JdbcStores(description, new JdbcEventStoreBackend(pool, dialect, Clock.systemUTC()),
                new JdbcSnapshotStore(pool), new JdbcCheckpointStore(pool), new JdbcDeadLetterStore(pool),
                new JdbcSagaStore(pool),
                new JdbcIdempotencyStore(pool, Clock.systemUTC()), pool);
    }

    private static void createSchema(Connection c, Dialect dialect) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String ddl : dialect.schema()) {
                s.execute(ddl);
            }
        }
    }

    /** @return the store URL, without any password */
    @Override
    public String url() {
        return url;
    }

    /** @return the event store backend */
    @Override
    public EventStoreBackend events() {
        return events;
    }

    /** @return the snapshot store */
    @Override
    public SnapshotStore snapshots() {
        return snapshots;
    }

    /** @return the checkpoint store */
    @Override
    public CheckpointStore checkpoints() {
        return checkpoints;
    }

    /** @return the dead-letter store (table {@code af_dead_letters}) */
    @Override
    public DeadLetterStore deadLetters() {
        return deadLetters;
    }

    /** @return the saga store */
    @Override
    public SagaStore sagas() {
        return sagas;
    }

    /**
     * @return the idempotency store (table {@code af_idempotency}) for event doors that dispatch once per message id
     */
    @Override
    public IdempotencyStore idempotency() {
        return idempotency;
    }

    /**
     * An idempotency store on another clock, over the same database; for tests of lease and retention expiry.
     *
     * @param clock the clock
     * @return the store
     */
    IdempotencyStore idempotency(Clock clock) {
        return pool == null ? IdempotencyStore.inMemory(clock) : new JdbcIdempotencyStore(pool, clock);
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.close();
        }
    }

    @Override
    public String toString() {
        return "JdbcStores[" + url + "]";
    }
}
