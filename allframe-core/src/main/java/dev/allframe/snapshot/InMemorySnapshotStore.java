package dev.allframe.snapshot;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** {@link SnapshotStore} in a map. */
final class InMemorySnapshotStore implements SnapshotStore {
    private final ConcurrentMap<String, Snapshot> snapshots = new ConcurrentHashMap<>();

    @Override
    public void save(Snapshot snapshot) {
        snapshots.merge(snapshot.streamId(), snapshot, (old, neu) -> neu.version() >= old.version() ? neu : old);
    }

    @Override
    public Optional<Snapshot> load(String streamId) {
        return Optional.ofNullable(snapshots.get(streamId));
    }
}
