package dev.allframe.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;

/** {@link IdempotencyStore} in a map; one lock, because every operation is a short check-and-set. */
final class InMemoryIdempotencyStore implements IdempotencyStore {
    private record Entry(String token, boolean completed, long expiresAtMillis) {
    }

    private final Clock clock;
    private final Map<String, Entry> entries = new HashMap<>();
    private long claimsSincePurge;

    InMemoryIdempotencyStore(Clock clock) {
        this.clock = java.util.Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized Claim claim(String key, Duration lease) {
        Checks.check(key, lease);
        long now = clock.millis();
        purgeNow(now);
        Entry e = entries.get(key);
        if (e != null && e.expiresAtMillis > now) {
            return e.completed ? Claim.completed(key) : Claim.inProgress(key);
        }
        String token = UUID.randomUUID().toString();
        entries.put(key, new Entry(token, false, now + lease.toMillis()));
        return Claim.acquired(key, token);
    }

    @Override
    public synchronized boolean complete(Claim claim, Duration retention) {
        Checks.requireAcquired(claim);
        Checks.check(claim.key(), retention);
        Entry e = entries.get(claim.key());
        if (e == null || e.completed || !e.token.equals(claim.token())) {
            return false;
        }
        entries.put(claim.key(), new Entry(e.token, true, clock.millis() + retention.toMillis()));
        return true;
    }

    @Override
    public synchronized void release(Claim claim) {
        Checks.requireAcquired(claim);
        Entry e = entries.get(claim.key());
        if (e != null && !e.completed && e.token.equals(claim.token())) {
            entries.remove(claim.key());
        }
    }

    /** Expired entries go now and then, so a long-lived process does not keep every message id forever. */
    private void purgeNow(long now) {
        if (++claimsSincePurge < 1024) {
            return;
        }
        claimsSincePurge = 0;
        for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
            if (it.next().expiresAtMillis <= now) {
                it.remove();
            }
        }
    }
}
