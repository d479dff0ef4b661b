package dev.allframe.cqrs;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Whether the command bus retries a command whose append lost a race ({@code ConcurrencyConflictException}): it
 * waits, reloads the stream and decides again, up to {@code maxAttempts} attempts in all and within a time
 * {@code budget}. Off by default, because only the application knows whether deciding again on newer state is what
 * the user meant.
 *
 * <p>The wait before retry {@code n} (n = 1 for the second attempt) is "full jitter" exponential backoff: a random
 * time between zero and {@code min(maxBackoff, initialBackoff × 2^(n-1))}. Writers that collided then spread out
 * instead of colliding again in lock step, which is what turns immediate retries into a chain of 409s under
 * contention. A retry whose wait would end past the budget is not made: the conflict reaches the caller (HTTP 409).
 *
 * <pre>{@code
 * RetryPolicy.attempts(10)                                   // 1 ms .. 100 ms backoff, 2 s budget
 * RetryPolicy.attempts(5).withBackoff(Duration.ofMillis(5), Duration.ofMillis(50)).withBudget(Duration.ofSeconds(1))
 * }</pre>
 *
 * @param maxAttempts attempts in all, 1..100 (1 means no retry)
 * @param initialBackoff the upper bound of the first wait; zero retries at once (no backoff)
 * @param maxBackoff the cap on the upper bound of any wait, at least {@code initialBackoff}
 * @param budget the time from the first attempt after which no retry starts; positive
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration budget) {
    /** The first wait's upper bound unless set: a millisecond, about one append on a local store. */
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(1);
    /** The cap on any wait unless set. */
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofMillis(100);
    /** The time budget unless set: well inside an HTTP client's patience and a Lambda function's timeout. */
    public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(2);

    public RetryPolicy {
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new IllegalArgumentException("maxAttempts (expected 1..100): " + maxAttempts);
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(budget, "budget");
        if (initialBackoff.isNegative()) {
            throw new IllegalArgumentException("initialBackoff (expected >= 0): " + initialBackoff);
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff (expected >= initialBackoff " + initialBackoff + "): "
                    + maxBackoff);
        }
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("budget (expected > 0): " + budget);
        }
    }

    /** @return no retry */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, DEFAULT_BUDGET);
    }

    /**
     * @param maxAttempts attempts in all, 1..100
     * @return a policy retrying conflicts with the default backoff (waits of up to 1 ms, doubling, capped at 100 ms)
     *         and budget (2 s)
     */
    public static RetryPolicy attempts(int maxAttempts) {
        return new RetryPolicy(maxAttempts, DEFAULT_INITIAL_BACKOFF, DEFAULT_MAX_BACKOFF, DEFAULT_BUDGET);
    }

    /**
     * @param initial the upper bound of the first wait; {@link Duration#ZERO} retries at once
     * @param max the cap on any wait
     * @return this policy with that backoff
     */
    public RetryPolicy withBackoff(Duration initial, Duration max) {
        return new RetryPolicy(maxAttempts, initial, max, budget);
    }

    /**
     * @param budget the time from the first attempt after which no retry starts
     * @return this policy with that budget
     */
    public RetryPolicy withBudget(Duration budget) {
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, budget);
    }

    /**
     * @param retry 1 for the wait before the second attempt, 2 before the third, ...
     * @return the upper bound of that wait in nanoseconds: {@code min(maxBackoff, initialBackoff × 2^(retry-1))}
     */
    long backoffBoundNanos(int retry) {
        long initial = initialBackoff.toNanos();
        long max = maxBackoff.toNanos();
        if (initial == 0) {
            return 0;
        }
        int shift = Math.min(retry - 1, 62);
        return initial > (max >> shift) ? max : Math.min(max, initial << shift);
    }

    /**
     * @param retry 1 for the wait before the second attempt, 2 before the third, ...
     * @return a random wait in nanoseconds between zero and {@link #backoffBoundNanos(int)}
     */
    long jitteredBackoffNanos(int retry) {
        long bound = backoffBoundNanos(retry);
        return bound == 0 ? 0 : ThreadLocalRandom.current().nextLong(bound + 1);
    }
}
