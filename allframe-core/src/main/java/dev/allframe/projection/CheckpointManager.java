package dev.allframe.projection;

import java.util.Objects;

/**
 * Owns one consumer's checkpoint: reads it on start, records each applied event, resets it for a rebuild. The
 * checkpoint is saved after every event, so a restart re-delivers at most the event in flight.
 */
final class CheckpointManager {
    private final CheckpointStore store;
    private final String name;
    private volatile long position;

    CheckpointManager(CheckpointStore store, String name) {
        this.store = Objects.requireNonNull(store, "store");
        this.name = name;
        this.position = store.load(name);
    }

    long position() {
        return position;
    }

    void applied(long globalPosition) {
        store.save(name, globalPosition);
        position = globalPosition;
    }

    void reset() {
        store.save(name, 0);
        position = 0;
    }
}
