package dev.allframe.eventstore;

import java.util.Objects;

/**
 * An event to append, as the backend sees it: a type name and payload bytes.
 *
 * @param type the stable type name
 * @param payload the serialised event (JSON by default)
 * @param metadata key/value pairs stored with the event
 */
public record EventData(String type, byte[] payload, Metadata metadata) {
    public EventData {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        metadata = metadata == null ? Metadata.empty() : metadata;
    }
}
