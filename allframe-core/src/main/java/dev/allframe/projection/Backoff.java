package dev.allframe.projection;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Bounded exponential backoff with jitter for transient failures ({@link Failures#isTransient}): attempt {@code n}
 * (from 1) that fails waits a random time between half and all of {@code min(maxDelay, initialDelay * 2^(n-1))}
 * before attempt {@code n + 1}, up to {@code maxAttempts} attempts in all. An event that still fails after the last
 * attempt is handled as its projection's {@link FailurePolicy} says (parked, with the attempts counted). Immutable.
 *
 * @param maxAttempts attempts per event, at least 1 (1: no retry)
 * @param initialDelay the wait after the first failed attempt, not negative
 * @param maxDelay the longest single wait, not below {@code initialDelay}
 */
public record Backoff(int maxAttempts, Duration initialDelay, Duration maxDelay) {
    /** 5 attempts, 100 ms doubling up to 2 s: at most about 3 s per event before it is parked. */
    public static final Backoff DEFAULT = new Backoff(5, Duration.ofMillis(100), Duration.ofSeconds(2));

    /** Checks the bounds. */
    public Backoff {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts (expected >= 1): " + maxAttempts);
        }
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (initialDelay.isNegative()) {
            throw new IllegalArgumentException("initialDelay (expected >= 0): " + initialDelay);
        }
        if (maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("maxDelay (expected >= initialDelay " + initialDelay + "): "
                    + maxDelay);
        }
    }

    /**
     * @param failedAttempt the attempt that just failed, from 1
     * @return how long to wait before the next attempt, jittered
     */
    public Duration delay(int failedAttempt) {
        long initial = initialDelay.toNanos();
        long cap = maxDelay.toNanos();
        int shift = Math.min(Math.max(failedAttempt - 1, 0), 30);
        long base = initial > (cap >> shift) ? cap : Math.min(cap, initial << shift);
        if (base <= 1) {
            return Duration.ofNanos(base);
        }
        long half = base / 2;
        return Duration.ofNanos(half + ThreadLocalRandom.current().nextLong(base - half + 1));
    }

    /**
     * Sleeps for {@link #delay(int)}.
     *
     * @param failedAttempt the attempt that just failed
     * @throws InterruptedException if interrupted
     */
    void pause(int failedAttempt) throws InterruptedException {
        Duration d = delay(failedAttempt);
        if (!d.isZero()) {
            Thread.sleep(d);
        }
    }
}
