package dev.allframe.eventstore;

import java.util.List;
import java.util.Objects;

/**
 * The input rules of every event store, checked once by the core before input reaches a backend (see
 * {@link EventStore#create}), so that bad input gets the same clear error everywhere: stream ids of
 * 1..{@value #MAX_STREAM_ID_LENGTH} characters without control characters, type names of
 * 1..{@value #MAX_TYPE_LENGTH} characters, payloads up to {@value #MAX_PAYLOAD_BYTES} bytes (DynamoDB's item limit
 * leaves room for this), at most {@value #MAX_EVENTS_PER_APPEND} events per append.
 */
public final class EventStoreLimits {
    /** Longest stream id, in characters. */
    public static final int MAX_STREAM_ID_LENGTH = 200;
    /** Longest type name, in characters. */
    public static final int MAX_TYPE_LENGTH = 200;
    /** Largest payload, in bytes. */
    public static final int MAX_PAYLOAD_BYTES = 256 * 1024;
    /** Most events in one append. */
    public static final int MAX_EVENTS_PER_APPEND = 100;

    private EventStoreLimits() {
    }

    /**
     * @param streamId a stream id
     * @throws IllegalArgumentException if it is empty, too long or holds control characters
     */
    public static void checkStreamId(String streamId) {
        Objects.requireNonNull(streamId, "streamId");
        if (streamId.isBlank()) {
            throw new IllegalArgumentException("stream id must not be empty or blank");
        }
        if (streamId.length() > MAX_STREAM_ID_LENGTH) {
            throw new IllegalArgumentException("stream id is " + streamId.length() + " characters long (expected <= "
                    + MAX_STREAM_ID_LENGTH + "): '" + streamId.substring(0, 40) + "...'");
        }
        for (int i = 0; i < streamId.length(); i++) {
            if (Character.isISOControl(streamId.charAt(i))) {
                throw new IllegalArgumentException("stream id must not contain control characters (index " + i + ")");
            }
        }
    }

    /**
     * Checks an append's arguments.
     *
     * @param streamId the stream id
     * @param events the events
     * @param expected the expected version
     * @throws IllegalArgumentException naming the first rule broken
     */
    public static void check(String streamId, List<EventData> events, ExpectedVersion expected) {
        checkStreamId(streamId);
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(events, "events");
        if (events.isEmpty()) {
            throw new IllegalArgumentException("an append needs at least one event (stream '" + streamId + "')");
        }
        if (events.size() > MAX_EVENTS_PER_APPEND) {
            throw new IllegalArgumentException("an append holds " + events.size() + " events (expected <= "
                    + MAX_EVENTS_PER_APPEND + ")");
        }
        for (int i = 0; i < events.size(); i++) {
            EventData e = Objects.requireNonNull(events.get(i), "events[" + i + "]");
            if (e.type().isEmpty() || e.type().length() > MAX_TYPE_LENGTH) {
                throw new IllegalArgumentException("event " + i + " type name length " + e.type().length()
                        + " (expected 1.." + MAX_TYPE_LENGTH + ")");
            }
            if (e.payload().length > MAX_PAYLOAD_BYTES) {
                throw new IllegalArgumentException("event " + i + " (" + e.type() + ") payload is "
                        + e.payload().length + " bytes (expected <= " + MAX_PAYLOAD_BYTES + ")");
            }
        }
    }
}
