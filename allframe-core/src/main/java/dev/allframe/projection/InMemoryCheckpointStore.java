package dev.allframe.projection;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** {@link CheckpointStore} in a map. */
final class InMemoryCheckpointStore implements CheckpointStore {
    private final ConcurrentMap<String, Long> positions = new ConcurrentHashMap<>();

    @Override
    public long load(String name) {
        return positions.getOrDefault(name, 0L);
    }

    @Override
    public void save(String name, long position) {
        if (position < 0) {
            throw new IllegalArgumentException("checkpoint position (expected >= 0): " + position);
        }
        positions.put(name, position);
    }
}
