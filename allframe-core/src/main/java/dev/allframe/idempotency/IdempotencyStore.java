package dev.allframe.idempotency;

import java.time.Clock;
import java.time.Duration;

/**
 * Remembers which messages were processed, so a redelivered message (SQS at-least-once delivery, an EventBridge
 * retry, a Lambda retry after a timeout) is processed once. The protocol is claim-then-complete:
 * <ol>
 *   <li>{@link #claim} atomically takes the key for a lease. Of two racing deliveries exactly one gets
 *       {@link Claim.Status#ACQUIRED}; the other gets {@link Claim.Status#IN_PROGRESS} (and should fail, so its
 *       message is retried later) or, once the first completed, {@link Claim.Status#COMPLETED} (and should skip it
 *       with success).</li>
 *   <li>After processing succeeded, {@link #complete} marks the key done for the retention period.</li>
 *   <li>After processing failed, {@link #release} drops the claim so a retry can acquire it at once.</li>
 * </ol>
 * A holder that dies between claim and complete (a Lambda timeout) blocks the key only until its lease expires;
 * choose a lease longer than the longest processing (for SQS, the queue's visibility timeout).
 *
 * <p>Implementations are thread-safe and atomic across processes sharing the same storage: in memory
 * ({@link #inMemory()}), SQLite/PostgreSQL ({@code JdbcStores.idempotency()}), DynamoDB with TTL.
 */
public interface IdempotencyStore {
    /** @return a store in this process's memory, on the system clock */
    static IdempotencyStore inMemory() {
        return new InMemoryIdempotencyStore(Clock.systemUTC());
    }

    /**
     * @param clock the clock that decides lease and retention expiry
     * @return a store in this process's memory
     */
    static IdempotencyStore inMemory(Clock clock) {
        return new InMemoryIdempotencyStore(clock);
    }

    /**
     * Takes the key if nobody holds it, its holder's lease expired, or its completion's retention expired.
     *
     * @param key the idempotency key (for example {@code sqs:} + the message id), 1..512 characters
     * @param lease how long the claim holds without {@link #complete} or {@link #release}; positive
     * @return the outcome; {@link Claim#token()} identifies an acquired claim
     * @throws IllegalArgumentException if the key is blank or too long, or the lease not positive
     */
    Claim claim(String key, Duration lease);

    /**
     * Marks a claimed key processed. Does nothing if the claim is no longer the current one (its lease expired
     * and another delivery took the key).
     *
     * @param claim an {@link Claim.Status#ACQUIRED} claim
     * @param retention how long the key stays {@link Claim.Status#COMPLETED}; positive
     * @return whether this claim was still current and is now completed
     * @throws IllegalArgumentException if the claim was not acquired or the retention not positive
     */
    boolean complete(Claim claim, Duration retention);

    /**
     * Drops a claim after processing failed, so the next delivery can acquire the key. Does nothing if the claim
     * is no longer the current one.
     *
     * @param claim an {@link Claim.Status#ACQUIRED} claim
     * @throws IllegalArgumentException if the claim was not acquired
     */
    void release(Claim claim);

    /** Limits and checks shared by the implementations. */
    final class Checks {
        /** The longest key, in characters. */
        public static final int MAX_KEY_LENGTH = 512;

        private Checks() {
        }

        /**
         * @param key a key
         * @param lease a lease or retention
         * @throws IllegalArgumentException naming what is wrong
         */
        public static void check(String key, Duration lease) {
            if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) {
                throw new IllegalArgumentException("idempotency key (expected 1.." + MAX_KEY_LENGTH
                        + " non-blank characters): " + (key == null ? "null" : "'" + key + "'"));
            }
            if (lease == null || lease.isNegative() || lease.isZero()) {
                throw new IllegalArgumentException("lease/retention (expected > 0): " + lease);
            }
        }

        /**
         * @param claim a claim
         * @throws IllegalArgumentException if it was not acquired
         */
        public static void requireAcquired(Claim claim) {
            if (claim == null || !claim.acquired()) {
                throw new IllegalArgumentException("only an ACQUIRED claim can be completed or released, not "
                        + claim);
            }
        }
    }
}
