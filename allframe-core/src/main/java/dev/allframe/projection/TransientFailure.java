package dev.allframe.projection;

/**
 * Marks an exception type as transient: a projection or saga that throws it on an event is retried with backoff
 * ({@link Backoff}) instead of having the event parked at once. Implement it on your own exception types for
 * failures that may succeed later (a remote service that timed out, a lock held by someone else):
 *
 * <pre>{@code
 * final class PricingUnavailableException extends RuntimeException implements TransientFailure { ... }
 * }</pre>
 *
 * See {@link Failures#isTransient(Throwable)} for the full classification.
 */
public interface TransientFailure {
}
