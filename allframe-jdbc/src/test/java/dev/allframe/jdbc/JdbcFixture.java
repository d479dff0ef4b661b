package dev.allframe.jdbc;

import dev.allframe.eventstore.EventStoreBackend;
import dev.allframe.projection.CheckpointStore;
import dev.allframe.projection.DeadLetterStore;
import dev.allframe.saga.SagaStore;
import dev.allframe.snapshot.SnapshotStore;
import dev.allframe.testkit.eventstore.EventStoreBackendContract;

/** Adapts {@link JdbcStores} to the conformance kit's fixture. */
final class JdbcFixture {
    private JdbcFixture() {
    }

    static EventStoreBackendContract.Fixture of(JdbcStores stores, Runnable cleanup) {
        return new Fixture(stores, cleanup);
    }

    private record Fixture(JdbcStores stores, Runnable cleanup) implements EventStoreBackendContract.Fixture {
        @Override
        public EventStoreBackend backend() {
            return stores.events();
        }

        @Override
        public SnapshotStore snapshots() {
            return stores.snapshots();
        }

        @Override
        public CheckpointStore checkpoints() {
            return stores.checkpoints();
        }

        @Override
        public SagaStore sagas() {
            return stores.sagas();
        }

        @Override
        public DeadLetterStore deadLetters() {
            return stores.deadLetters();
        }

        @Override
        public void failNextAppendAfter(int events) {
            ((JdbcEventStoreBackend) stores.events()).failNextAppendAfter(events);
        }

        @Override
        public void close() {
            stores.close();
            cleanup.run();
        }
    }
}
