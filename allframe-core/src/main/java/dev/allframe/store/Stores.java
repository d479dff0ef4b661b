package dev.allframe.store;

import dev.allframe.eventstore.EventStoreBackend;
import dev.allframe.idempotency.IdempotencyStore;
import dev.allframe.inject.Environment;
import dev.allframe.projection.CheckpointStore;
import dev.allframe.projection.DeadLetterStore;
import dev.allframe.saga.SagaStore;
import dev.allframe.snapshot.SnapshotStore;

import java.util.Iterator;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * The stores of one application on one backend: events, snapshots, projection checkpoints, dead letters (events a
 * projection or saga parked), saga state and idempotency records. Each backend module implements it
 * ({@code JdbcStores} in {@code allframe-jdbc} for SQLite and PostgreSQL; {@code AwsStores} in {@code allframe-aws}
 * for DynamoDB and S3; the core serves {@code memory:}) and registers a {@link StoresProvider}, so the environment
 * picks the backend in one place, {@link #fromEnvironment(Environment, String, StoresProvider...)}, and the rest of the application
 * sees only this interface:
 * <pre>{@code
 * Stores stores = Stores.fromEnvironment(Environment.system(), "sqlite:.allframe/orders.db");
 * EventStore<OrderEvent> events = EventStore.create(stores.events(), OrderEvent.types());
 * }</pre>
 * An application built with {@code @AllFrameApplication} does not call this itself: its generated container does.
 * Each accessor returns the same instance every time. Implementations are thread-safe.
 */
public interface Stores extends AutoCloseable {
    /** @return the event store backend */
    EventStoreBackend events();

    /** @return the snapshot store */
    SnapshotStore snapshots();

    /** @return the projection checkpoint store */
    CheckpointStore checkpoints();

    /**
     * @return the dead-letter store of projections and sagas, on the same backend as the events; pass it to
     *         {@code ProjectionRegistry.builder(...).deadLetters(...)}
     */
    DeadLetterStore deadLetters();

    /** @return the saga state store */
    SagaStore sagas();

    /** @return the idempotency store, for event doors that dispatch once per message id */
    IdempotencyStore idempotency();

    /**
     * @return where the stores live, as a store URL in the {@code ALLFRAME_STORE} form ({@code sqlite:PATH},
     *         {@code jdbc:postgresql://...}, {@code memory:}, {@code dynamodb:TABLE}), without any password; for
     *         logs and health output
     */
    String url();

    /** Releases the backend's connections and clients; closing twice is harmless. */
    @Override
    void close();

    /** The store URL variable: {@code memory:}, {@code sqlite:PATH}, {@code jdbc:postgresql://...}, {@code dynamodb:TABLE}. */
    String STORE_VARIABLE = "ALLFRAME_STORE";

    /** The DynamoDB event table variable; selects {@code dynamodb:TABLE} when {@value #STORE_VARIABLE} is unset. */
    String TABLE_VARIABLE = "EVENT_TABLE";

    /**
     * Opens the stores the environment selects (see {@link #selectedUrl(Environment, String)}) with the first
     * provider that accepts the URL: those given here first, then those {@link java.util.ServiceLoader} finds. Only
     * the selected provider's backend classes are loaded. A generated container passes the providers it saw on the
     * compile class path, constructed directly: on a cold start, {@code ServiceLoader}'s reflective instantiation
     * costs some 280 classes, which a known provider never pays.
     *
     * @param environment where {@value #STORE_VARIABLE}, {@value #TABLE_VARIABLE} and the backend's own settings
     *        come from
     * @param defaultUrl the store URL when neither variable is set, such as {@code sqlite:.allframe/app.db} on a
     *        laptop or {@code memory:}
     * @param known providers to ask before the {@code ServiceLoader} ones; may be empty
     * @return the open stores; the caller closes them
     * @throws IllegalStateException if no provider accepts the URL; the message names the module to add
     * @throws IllegalArgumentException if the URL is malformed for its backend
     */
    static Stores fromEnvironment(Environment environment, String defaultUrl, StoresProvider... known) {
        return open(selectedUrl(environment, defaultUrl), environment, known);
    }

    /**
     * The one place that reads the store selection: {@value #STORE_VARIABLE} when set, else
     * {@code dynamodb:} + {@value #TABLE_VARIABLE} when set, else {@code defaultUrl}. Blank values count as unset.
     *
     * @param environment the environment
     * @param defaultUrl the URL when nothing is set
     * @return the selected store URL, stripped
     */
    static String selectedUrl(Environment environment, String defaultUrl) {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(defaultUrl, "defaultUrl");
        String url = environment.get(STORE_VARIABLE);
        if (url != null && !url.isBlank()) {
            return url.strip();
        }
        String table = environment.get(TABLE_VARIABLE);
        if (table != null && !table.isBlank()) {
            return "dynamodb:" + table.strip();
        }
        return defaultUrl.strip();
    }

    /**
     * Opens a store URL with the first provider that accepts it: those given, then those on the class path
     * ({@link java.util.ServiceLoader}).
     *
     * @param url a store URL
     * @param environment the backend's further settings
     * @param known providers to ask first; may be empty
     * @return the open stores
     * @throws IllegalStateException if no provider accepts the URL; the message names the module to add
     */
    static Stores open(String url, Environment environment, StoresProvider... known) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(environment, "environment");
        String stripped = url.strip();
        // Explicit loops, no stream or lambda: this runs in every cold start.
        for (StoresProvider provider : known) {
            if (provider.accepts(stripped)) {
                return provider.open(stripped, environment);
            }
        }
        Iterator<StoresProvider> providers = ServiceLoader.load(StoresProvider.class, Stores.class.getClassLoader())
                .iterator();
        while (providers.hasNext()) {
            StoresProvider provider = providers.next();
            if (provider.accepts(stripped)) {
                return provider.open(stripped, environment);
            }
        }
        throw new IllegalStateException(StoresProviders.noProvider(stripped));
    }

    /** @return new stores, all in memory ({@code memory:}), for tests and demos */
    static Stores memory() {
        return new MemoryStoresProvider.Memory();
    }
}
