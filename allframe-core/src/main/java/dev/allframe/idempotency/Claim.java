package dev.allframe.idempotency;

import java.util.Objects;

/**
 * The answer to {@link IdempotencyStore#claim}: whether the caller may process the message now.
 *
 * @param key the idempotency key
 * @param status what the store found
 * @param token identifies this claim when {@code status} is {@link Status#ACQUIRED}: pass it to
 *        {@link IdempotencyStore#complete} or {@link IdempotencyStore#release}, so a holder whose lease ran out
 *        cannot complete or release a later holder's claim; {@code null} otherwise
 */
public record Claim(String key, Status status, String token) {
    public Claim {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(status, "status");
        if ((status == Status.ACQUIRED) != (token != null)) {
            throw new IllegalArgumentException("a claim has a token exactly when it is ACQUIRED: " + status
                    + " with token " + token);
        }
    }

    /** What the store found for the key. */
    public enum Status {
        /** Nobody held the key (or the previous holder's lease expired): the caller processes the message. */
        ACQUIRED,
        /** The message was processed already: the caller skips it and reports success. */
        COMPLETED,
        /** Another delivery holds an unexpired claim: the caller reports a failure so the message is retried. */
        IN_PROGRESS
    }

    /**
     * @param key the key
     * @param token the new claim's token
     * @return an acquired claim
     */
    public static Claim acquired(String key, String token) {
        return new Claim(key, Status.ACQUIRED, Objects.requireNonNull(token, "token"));
    }

    /**
     * @param key the key
     * @return the answer for a key already processed
     */
    public static Claim completed(String key) {
        return new Claim(key, Status.COMPLETED, null);
    }

    /**
     * @param key the key
     * @return the answer for a key another delivery is processing
     */
    public static Claim inProgress(String key) {
        return new Claim(key, Status.IN_PROGRESS, null);
    }

    /** @return whether the caller may process the message */
    public boolean acquired() {
        return status == Status.ACQUIRED;
    }
}
