package dev.allframe.cqrs;

/**
 * Whether the command bus retries a command whose append lost a race ({@code ConcurrencyConflictException}): it
 * reloads the stream and decides again, up to {@code maxAttempts} attempts in all. Off by default, because only
 * the application knows whether deciding again on newer state is what the user meant.
 *
 * @param maxAttempts attempts in all, at least 1 (1 means no retry)
 */
public record RetryPolicy(int maxAttempts) {
    public RetryPolicy {
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new IllegalArgumentException("maxAttempts (expected 1..100): " + maxAttempts);
        }
    }

    /** @return no retry */
    public static RetryPolicy none() {
        return new RetryPolicy(1);
    }

    /**
     * @param maxAttempts attempts in all
     * @return a policy retrying conflicts
     */
    public static RetryPolicy attempts(int maxAttempts) {
        return new RetryPolicy(maxAttempts);
    }
}
