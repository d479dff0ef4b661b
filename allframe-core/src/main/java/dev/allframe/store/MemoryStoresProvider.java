package dev.allframe.store;

import dev.allframe.eventstore.EventStoreBackend;
import dev.allframe.eventstore.inmemory.InMemoryEventStoreBackend;
import dev.allframe.idempotency.IdempotencyStore;
import dev.allframe.inject.Environment;
import dev.allframe.projection.CheckpointStore;
import dev.allframe.projection.DeadLetterStore;
import dev.allframe.saga.SagaStore;
import dev.allframe.snapshot.SnapshotStore;

/**
 * The core's own backend: {@code memory:}, every store in memory and lost with the process. Public only for
 * {@link java.util.ServiceLoader}; use {@link Stores#fromEnvironment(Environment, String, StoresProvider...)} or {@link Stores#memory()}.
 */
public final class MemoryStoresProvider implements StoresProvider {
    /** The memory store URL. */
    static final String URL = "memory:";

    /** For {@link java.util.ServiceLoader}. */
    public MemoryStoresProvider() {
    }

    @Override
    public boolean accepts(String url) {
        return url.equals(URL) || url.equals("memory");
    }

    @Override
    public Stores open(String url, Environment environment) {
        return new Memory();
    }

    /** The stores, all in memory. */
    static final class Memory implements Stores {
        private final EventStoreBackend events = InMemoryEventStoreBackend.create();
        private final SnapshotStore snapshots = SnapshotStore.inMemory();
        private final CheckpointStore checkpoints = CheckpointStore.inMemory();
        private final DeadLetterStore deadLetters = DeadLetterStore.inMemory();
        private final SagaStore sagas = SagaStore.inMemory();
        private final IdempotencyStore idempotency = IdempotencyStore.inMemory();

        @Override
        public EventStoreBackend events() {
            return events;
        }

        @Override
        public SnapshotStore snapshots() {
            return snapshots;
        }

        @Override
        public CheckpointStore checkpoints() {
            return checkpoints;
        }

        @Override
        public DeadLetterStore deadLetters() {
            return deadLetters;
        }

        @Override
        public SagaStore sagas() {
            return sagas;
        }

        @Override
        public IdempotencyStore idempotency() {
            return idempotency;
        }

        @Override
        public String url() {
            return URL;
        }

        @Override
        public void close() {
            // nothing to release
        }

        @Override
        public String toString() {
            return "Stores[memory:]";
        }
    }
}
