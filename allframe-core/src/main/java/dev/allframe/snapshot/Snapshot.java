package dev.allframe.snapshot;

import java.time.Instant;
import java.util.Objects;

/**
 * An aggregate's serialised state after a stream version: loading starts here and folds only later events.
 *
 * @param streamId the stream
 * @param version the stream version the state includes
 * @param payload the serialised state
 * @param timestamp when it was taken
 */
public record Snapshot(String streamId, long version, byte[] payload, Instant timestamp) {
    public Snapshot {
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(timestamp, "timestamp");
        if (version < 1) {
            throw new IllegalArgumentException("snapshot version (expected >= 1): " + version);
        }
    }
}
