package dev.allframe.cqrs;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryPolicyTest {
    private static final long MS = 1_000_000;

    @Test
    void theBoundOfEachWaitDoublesFromTheInitialBackoffUpToItsCap() {
        RetryPolicy p = RetryPolicy.attempts(10).withBackoff(Duration.ofMillis(2), Duration.ofMillis(20));
        assertThat(p.backoffBoundNanos(1)).isEqualTo(2 * MS);
        assertThat(p.backoffBoundNanos(2)).isEqualTo(4 * MS);
        assertThat(p.backoffBoundNanos(3)).isEqualTo(8 * MS);
        assertThat(p.backoffBoundNanos(4)).isEqualTo(16 * MS);
        assertThat(p.backoffBoundNanos(5)).isEqualTo(20 * MS);
        assertThat(p.backoffBoundNanos(99)).as("no overflow far out").isEqualTo(20 * MS);
    }

    @Test
    void eachWaitIsJitteredBetweenZeroAndItsBound() {
        RetryPolicy p = RetryPolicy.attempts(10).withBackoff(Duration.ofMillis(1), Duration.ofMillis(8));
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < 10_000; i++) {
            long w = p.jitteredBackoffNanos(4);
            assertThat(w).isBetween(0L, 8 * MS);
            min = Math.min(min, w);
            max = Math.max(max, w);
        }
        assertThat(min).as("spread to near zero").isLessThan(MS);
        assertThat(max).as("and to near the bound").isGreaterThan(7 * MS);
    }

    @Test
    void aZeroBackoffRetriesAtOnceAsBefore() {
        RetryPolicy p = RetryPolicy.attempts(3).withBackoff(Duration.ZERO, Duration.ZERO);
        assertThat(p.jitteredBackoffNanos(1)).isZero();
        assertThat(p.jitteredBackoffNanos(2)).isZero();
    }

    @Test
    void defaultsAreNamedAndNoneMakesOneAttempt() {
        assertThat(RetryPolicy.attempts(3)).isEqualTo(new RetryPolicy(3, RetryPolicy.DEFAULT_INITIAL_BACKOFF,
                RetryPolicy.DEFAULT_MAX_BACKOFF, RetryPolicy.DEFAULT_BUDGET));
        assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
    }

    @Test
    void rejectsSettingsOutOfRangeNamingTheRange() {
        assertThatThrownBy(() -> RetryPolicy.attempts(0)).hasMessage("maxAttempts (expected 1..100): 0");
        assertThatThrownBy(() -> RetryPolicy.attempts(2).withBackoff(Duration.ofMillis(-1), Duration.ZERO))
                .hasMessage("initialBackoff (expected >= 0): PT-0.001S");
        assertThatThrownBy(() -> RetryPolicy.attempts(2).withBackoff(Duration.ofMillis(5), Duration.ofMillis(1)))
                .hasMessage("maxBackoff (expected >= initialBackoff PT0.005S): PT0.001S");
        assertThatThrownBy(() -> RetryPolicy.attempts(2).withBudget(Duration.ZERO))
                .hasMessage("budget (expected > 0): PT0S");
    }
}
