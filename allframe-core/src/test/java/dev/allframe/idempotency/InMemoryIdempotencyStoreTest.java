package dev.allframe.idempotency;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InMemoryIdempotencyStoreTest {
    /** A clock tests move by hand. */
    static final class MutableClock extends Clock {
        volatile Instant now = Instant.parse("2026-11-27T06:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Duration RETENTION = Duration.ofHours(24);
    private final MutableClock clock = new MutableClock();
    private final IdempotencyStore store = IdempotencyStore.inMemory(clock);

    @Test
    void aSecondClaimWhileTheFirstIsHeldIsInProgressAndAfterCompletionIsCompleted() {
        Claim first = store.claim("sqs:m1", LEASE);
        assertThat(first.status()).isEqualTo(Claim.Status.ACQUIRED);
        assertThat(store.claim("sqs:m1", LEASE).status()).isEqualTo(Claim.Status.IN_PROGRESS);
        assertThat(store.complete(first, RETENTION)).isTrue();
        assertThat(store.claim("sqs:m1", LEASE).status()).isEqualTo(Claim.Status.COMPLETED);
        assertThat(store.claim("sqs:m2", LEASE).status()).isEqualTo(Claim.Status.ACQUIRED);
    }

    @Test
    void aReleasedClaimCanBeAcquiredAgainAtOnce() {
        Claim first = store.claim("k", LEASE);
        store.release(first);
        Claim retry = store.claim("k", LEASE);
        assertThat(retry.acquired()).isTrue();
        assertThat(retry.token()).isNotEqualTo(first.token());
    }

    @Test
    void anExpiredLeaseLetsTheNextDeliveryInAndTheStaleHolderCanNeitherCompleteNorRelease() {
        Claim stale = store.claim("k", LEASE);
        clock.now = clock.now.plus(LEASE).plusMillis(1);
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
        store.complete(store.claim("k", LEASE), RETENTION);
        clock.now = clock.now.plus(RETENTION).plusSeconds(1);
        assertThat(store.claim("k", LEASE).acquired()).isTrue();
    }

    @Test
    void ofManyThreadsRacingOneKeyExactlyOneAcquires() throws Exception {
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger acquired = new AtomicInteger();
        List<Thread> all = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            all.add(Thread.startVirtualThread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                if (store.claim("race", LEASE).acquired()) {
                    acquired.incrementAndGet();
                }
            }));
        }
        start.countDown();
        for (Thread t : all) {
            t.join();
        }
        assertThat(acquired).hasValue(1);
    }

    @Test
    void rejectsBadKeysLeasesAndUnacquiredClaimsNamingTheProblem() {
        assertThatThrownBy(() -> store.claim(" ", LEASE)).hasMessageContaining("idempotency key (expected 1..512");
        assertThatThrownBy(() -> store.claim("k".repeat(513), LEASE)).hasMessageContaining("idempotency key");
        assertThatThrownBy(() -> store.claim("k", Duration.ZERO)).hasMessageContaining("(expected > 0): PT0S");
        assertThatThrownBy(() -> store.complete(Claim.completed("k"), RETENTION))
                .hasMessageContaining("only an ACQUIRED claim");
    }
}
