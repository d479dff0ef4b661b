package dev.allframe.eventstore;

import java.time.Instant;
import java.util.Objects;

/**
 * An event as a backend stores it: bytes plus its place in its stream and in the global order.
 *
 * @param streamId the stream
 * @param version the position within the stream, from 1 without gaps
 * @param globalPosition the position in the store's global order, increasing in commit order (may have gaps)
 * @param type the stable type name
 * @param payload the serialised event
 * @param metadata key/value pairs stored with the event
 * @param timestamp when the event was appended
 */
public record RecordedEvent(String streamId, long version, long globalPosition, String type, byte[] payload,
                            Metadata metadata, Instant timestamp) {
    public RecordedEvent {
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(timestamp, "timestamp");
        metadata = metadata == null ? Metadata.empty() : metadata;
    }
}
