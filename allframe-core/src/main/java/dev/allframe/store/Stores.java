package dev.allframe.store;

import dev.allframe.eventstore.EventStoreBackend;
import dev.allframe.idempotency.IdempotencyStore;
import dev.allframe.projection.CheckpointStore;
import dev.allframe.projection.DeadLetterStore;
import dev.allframe.saga.SagaStore;
import dev.allframe.snapshot.SnapshotStore;

/**
 * The stores of one application on one backend: events, snapshots, projection checkpoints, dead letters (events a
 * projection or saga parked), saga state and idempotency records. Each backend module implements it ({@code JdbcStores} in {@code allframe-jdbc} for
 * SQLite, PostgreSQL and memory; {@code AwsStores} in {@code allframe-aws} for DynamoDB and S3), so an application
 * picks its backend in one place and the rest of its code sees only this interface:
 * <pre>{@code
 * Stores stores = table != null ? AwsStores.fromEnvironment().orElseThrow() : JdbcStores.fromEnvironment();
 * EventStore<OrderEvent> events = EventStore.create(stores.events(), OrderEvent.types());
 * }</pre>
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
}
