package dev.allframe.eventstore;

import java.time.Instant;

/**
 * A decoded event with its place in its stream and in the global order.
 *
 * @param streamId the stream
 * @param version the position within the stream, from 1
 * @param globalPosition the position in the global order
 * @param type the stable type name the event was stored under (after upcasting)
 * @param event the event
 * @param metadata key/value pairs stored with the event
 * @param timestamp when the event was appended
 * @param <E> the event type
 */
public record StoredEvent<E>(String streamId, long version, long globalPosition, String type, E event,
                             Metadata metadata, Instant timestamp) {
}
