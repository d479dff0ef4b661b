package dev.allframe.testkit.eventstore;

import dev.allframe.eventstore.EventStoreBackend;
import dev.allframe.eventstore.inmemory.InMemoryEventStoreBackend;
import dev.allframe.projection.CheckpointStore;
import dev.allframe.projection.DeadLetterStore;
import dev.allframe.saga.SagaStore;
import dev.allframe.snapshot.SnapshotStore;

/** The in-memory backend passes the conformance kit. */
class InMemoryBackendConformanceTest extends EventStoreBackendContract {
    @Override
    protected Fixture createFixture() {
        InMemoryEventStoreBackend backend = InMemoryEventStoreBackend.create();
        SnapshotStore snapshots = SnapshotStore.inMemory();
        CheckpointStore checkpoints = CheckpointStore.inMemory();
        SagaStore sagas = SagaStore.inMemory();
        DeadLetterStore deadLetters = DeadLetterStore.inMemory();
        return new Fixture() {
            @Override
            public EventStoreBackend backend() {
                return backend;
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
            public SagaStore sagas() {
                return sagas;
            }

            @Override
            public DeadLetterStore deadLetters() {
                return deadLetters;
            }

            @Override
            public void failNextAppendAfter(int events) {
                backend.failNextAppendAfter(events);
            }

            @Override
            public void close() {
                backend.close();
            }
        };
    }
}
