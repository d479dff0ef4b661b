package dev.allframe.jdbc;

import dev.allframe.idempotency.Claim;
import dev.allframe.idempotency.IdempotencyStore;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * {@link IdempotencyStore} in the {@code af_idempotency} table. Every step is one auto-committed statement whose
 * own atomicity decides races: the {@code INSERT ... ON CONFLICT DO NOTHING} that creates a claim, the
 * {@code UPDATE ... WHERE expires_ms <= now} that takes over an expired one, and the token-guarded
 * {@code UPDATE}/{@code DELETE} of complete and release. Expired rows are overwritten by the next claim of the key;
 * {@link #purgeExpired()} deletes the others.
 */
final class JdbcIdempotencyStore implements IdempotencyStore {
    private final ConnectionPool pool;
    private final Clock clock;

    JdbcIdempotencyStore(ConnectionPool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    @Override
    public Claim claim(String key, Duration lease) {
        Checks.check(key, lease);
        // A row can vanish between the statements (its holder released it): then simply try again.
        for (int attempt = 0; attempt < 5; attempt++) {
            long now = clock.millis();
            String token = UUID.randomUUID().toString();
            long expires = now + lease.toMillis();
            int inserted = pool.with(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO af_idempotency (idem_key, token,"
                        + " completed, expires_ms) VALUES (?, ?, 0, ?) ON CONFLICT (idem_key) DO NOTHING")) {
                    ps.setString(1, key);
                    ps.setString(2, token);
                    ps.setLong(3, expires);
                    return ps.executeUpdate();
                }
            });
            if (inserted == 1) {
                return Claim.acquired(key, token);
            }
            int takenOver = pool.with(c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE af_idempotency SET token = ?, completed = 0,"
                        + " expires_ms = ? WHERE idem_key = ? AND expires_ms <= ?")) {
                    ps.setString(1, token);
                    ps.setLong(2, expires);
                    ps.setString(3, key);
                    ps.setLong(4, now);
                    return ps.executeUpdate();
                }
            });
            if (takenOver == 1) {
                return Claim.acquired(key, token);
            }
            Integer completed = pool.with(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT completed FROM af_idempotency WHERE idem_key = ?")) {
                    ps.setString(1, key);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getInt(1) : null;
                    }
                }
            });
            if (completed != null) {
                return completed == 1 ? Claim.completed(key) : Claim.inProgress(key);
            }
        }
        return Claim.inProgress(key); // released and re-claimed by others repeatedly: a busy key, try later
    }

    @Override
    public boolean complete(Claim claim, Duration retention) {
        Checks.requireAcquired(claim);
        Checks.check(claim.key(), retention);
        long expires = clock.millis() + retention.toMillis();
        return pool.with(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE af_idempotency SET completed = 1, expires_ms = ?"
                    + " WHERE idem_key = ? AND token = ? AND completed = 0")) {
                ps.setLong(1, expires);
                ps.setString(2, claim.key());
                ps.setString(3, claim.token());
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void release(Claim claim) {
        Checks.requireAcquired(claim);
        pool.with(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM af_idempotency WHERE idem_key = ? AND token = ? AND completed = 0")) {
                ps.setString(1, claim.key());
                ps.setString(2, claim.token());
                return ps.executeUpdate();
            }
        });
    }

    /** @return how many expired rows were deleted */
    int purgeExpired() {
        long now = clock.millis();
        return pool.with(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM af_idempotency WHERE expires_ms <= ?")) {
                ps.setLong(1, now);
                return ps.executeUpdate();
            }
        });
    }
}
