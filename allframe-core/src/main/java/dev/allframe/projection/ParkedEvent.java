package dev.allframe.projection;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * An event a consumer (projection or saga) could not apply, kept in its {@link DeadLetterStore}. An entry is
 * identified by {@code (consumer, streamId, version)}; entries are listed in global order.
 *
 * @param consumer the projection's (or saga's) name
 * @param globalPosition the event's global position; 0 when its source gave none (DynamoDB Streams without a
 *        global order)
 * @param streamId the event's stream
 * @param version its version in the stream, from 1
 * @param type its stored type name
 * @param payload its stored payload bytes, as read from the event store (before upcasting)
 * @param errorClass the class of the last error, e.g. {@code java.lang.NullPointerException}
 * @param errorMessage the last error's message, possibly empty, never {@code null}
 * @param attempts how many times applying it has failed in all, at least 1
 * @param parkedAt when it was (last) parked
 */
public record ParkedEvent(String consumer, long globalPosition, String streamId, long version, String type,
                          byte[] payload, String errorClass, String errorMessage, int attempts, Instant parkedAt) {
    /** Checks the fields. */
    public ParkedEvent {
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(errorClass, "errorClass");
        Objects.requireNonNull(parkedAt, "parkedAt");
        errorMessage = errorMessage == null ? "" : errorMessage;
        if (globalPosition < 0) {
            throw new IllegalArgumentException("globalPosition (expected >= 0): " + globalPosition);
        }
        if (version < 1) {
            throw new IllegalArgumentException("version (expected >= 1): " + version);
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts (expected >= 1): " + attempts);
        }
    }

    /** @return the error as one line: class and message */
    public String error() {
        return errorMessage.isEmpty() ? errorClass : errorClass + ": " + errorMessage;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParkedEvent p && consumer.equals(p.consumer) && globalPosition == p.globalPosition
                && streamId.equals(p.streamId) && version == p.version && type.equals(p.type)
                && Arrays.equals(payload, p.payload) && errorClass.equals(p.errorClass)
                && errorMessage.equals(p.errorMessage) && attempts == p.attempts && parkedAt.equals(p.parkedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(consumer, globalPosition, streamId, version, type, Arrays.hashCode(payload), errorClass,
                errorMessage, attempts, parkedAt);
    }

    @Override
    public String toString() {
        return "ParkedEvent[" + consumer + " at " + globalPosition + " (" + streamId + " v" + version + ", " + type
                + ", " + payload.length + " bytes), " + attempts + " attempt(s), " + error() + ", " + parkedAt + "]";
    }
}
