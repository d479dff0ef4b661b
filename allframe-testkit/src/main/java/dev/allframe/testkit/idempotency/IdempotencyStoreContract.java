package dev.allframe.testkit.idempotency;

import dev.allframe.idempotency.Claim;
import dev.allframe.idempotency.IdempotencyStore;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The conformance kit every {@link IdempotencyStore} passes: claim-then-complete, a racing delivery kept out, a
 * redelivery after success skipped, a failed dispatch released, expired leases taken over without letting the stale
 * holder complete or release, retention expiry, and clear errors for bad input. A store's test extends this class
 * and creates a fresh, empty store per call of {@link #createStore(Clock)} on the given clock.
 */
public abstract class IdempotencyStoreContract {
    /** The lease the tests claim with. */
    protected static final Duration LEASE = Duration.ofSeconds(30);
    /** The retention the tests complete with. */
    protected static final Duration RETENTION = Duration.ofHours(24);

    /** A clock the tests move by hand; stores must take "now" from it for leases and retention. */
    public static final class TestClock extends Clock {
        private volatile Instant now = Instant.parse("2026-11-27T06:00:00Z");

        /** @param by how far to move the clock forward */
        public void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** The clock the store under test runs on. */
    protected final TestClock clock = new TestClock();

    /**
     * @param clock the clock for leases and retention
     * @return a fresh, empty store
     */
    protected abstract IdempotencyStore createStore(Clock clock);

    @Test
    void aSecondClaimWhileTheFirstIsHeldIsInProgressAndAfterCompletionIsCompleted() {
        IdempotencyStore store = createStore(clock);
        Claim first = store.claim("sqs:m1", LEASE);
        assertThat(first.status()).isEqualTo(Claim.Status.ACQUIRED);
        assertThat(first.token()).isNotBlank();
        assertThat(store.claim("sqs:m1", LEASE).status()).isEqualTo(Claim.Status.IN_PROGRESS);
        assertThat(store.complete(first, RETENTION)).isTrue();
        assertThat(store.claim("sqs:m1", LEASE).status()).isEqualTo(Claim.Status.COMPLETED);
        assertThat(store.claim("sqs:m2", LEASE).status()).isEqualTo(Claim.Status.ACQUIRED);
    }

    @Test
    void aRedeliveryAfterSuccessIsCompletedEvenMuchLater() {
        IdempotencyStore store = createStore(clock);
        store.complete(store.claim("k", LEASE), RETENTION);
        clock.advance(RETENTION.minusMinutes(1));
        assertThat(store.claim("k", LEASE).status()).isEqualTo(Claim.Status.COMPLETED);
    }

    @Test
    void aReleasedClaimCanBeAcquiredAgainAtOnce() {
        IdempotencyStore store = createStore(clock);
        Claim first = store.claim("k", LEASE);
        store.release(first);
        Claim retry = store.claim("k", LEASE);
        assertThat(retry.acquired()).isTrue();
        assertThat(retry.token()).isNotEqualTo(first.token());
    }

    @Test
    void anExpiredLeaseLetsTheNextDeliveryInAndTheStaleHolderCanNeitherCompleteNorRelease() {
        IdempotencyStore store = createStore(clock);
        Claim stale = store.claim("k", LEASE);
        clock.advance(LEASE.plusSeconds(1));
        Claim fresh = store.claim("k", LEASE);
        assertThat(fresh.acquired()).isTrue();
        store.release(stale);
        assertThat(store.complete(stale, RETENTION)).isFalse();
        assertThat(store.claim("k", LEASE).status()).isEqualTo(Claim.Status.IN_PROGRESS);
        assertThat(store.complete(fresh, RETENTION)).isTrue();
        assertThat(store.claim("k", LEASE).status()).isEqualTo(Claim.Status.COMPLETED);
    }

    @Test
    void aCompletionIsForgottenAfterItsRetention() {
        IdempotencyStore store = createStore(clock);
        store.complete(store.claim("k", LEASE), RETENTION);
        clock.advance(RETENTION.plusSeconds(1));
        assertThat(store.claim("k", LEASE).acquired()).isTrue();
    }

    @Test
    void completingTwiceOrAfterReleaseIsRefused() {
        IdempotencyStore store = createStore(clock);
        Claim c = store.claim("k", LEASE);
        assertThat(store.complete(c, RETENTION)).isTrue();
        assertThat(store.complete(c, RETENTION)).isFalse();
        Claim d = store.claim("j", LEASE);
        store.release(d);
        assertThat(store.complete(d, RETENTION)).isFalse();
    }

    @Test
    void ofManyThreadsRacingOneKeyExactlyOneAcquires() throws Exception {
        IdempotencyStore store = createStore(clock);
        for (int round = 0; round < 5; round++) {
            String key = "race-" + round;
            int threads = 6;
            CountDownLatch start = new CountDownLatch(1);
            AtomicInteger acquired = new AtomicInteger();
            AtomicInteger inProgress = new AtomicInteger();
            List<Thread> all = new ArrayList<>();
            List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int i = 0; i < threads; i++) {
                all.add(Thread.ofPlatform().start(() -> {
                    try {
                        start.await();
                        Claim c = store.claim(key, LEASE);
                        (c.acquired() ? acquired : inProgress).incrementAndGet();
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                }));
            }
            start.countDown();
            for (Thread t : all) {
                t.join(10_000);
            }
            assertThat(errors).isEmpty();
            assertThat(acquired).as("round %d", round).hasValue(1);
            assertThat(inProgress).hasValue(threads - 1);
        }
    }

    @Test
    void rejectsBadKeysLeasesAndUnacquiredClaimsNamingTheProblem() {
        IdempotencyStore store = createStore(clock);
        assertThatThrownBy(() -> store.claim(" ", LEASE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("idempotency key (expected 1..512");
        assertThatThrownBy(() -> store.claim("k".repeat(513), LEASE)).hasMessageContaining("idempotency key");
        assertThatThrownBy(() -> store.claim("k", Duration.ZERO)).hasMessageContaining("(expected > 0): PT0S");
        assertThatThrownBy(() -> store.complete(Claim.completed("k"), RETENTION))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only an ACQUIRED claim");
        assertThatThrownBy(() -> store.release(Claim.inProgress("k")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only an ACQUIRED claim");
    }

    @Test
    void keysAreExactNotPatterns() {
        IdempotencyStore store = createStore(clock);
        store.complete(store.claim("sqs:a%", LEASE), RETENTION);
        assertThat(store.claim("sqs:ab", LEASE).acquired()).isTrue();
        assertThat(store.claim("SQS:A%", LEASE).acquired()).isTrue();
        assertThat(store.claim("sqs:a%", LEASE).status()).isEqualTo(Claim.Status.COMPLETED);
    }
}
