package dev.allframe.jdbc;

import dev.allframe.snapshot.Snapshot;
import dev.allframe.snapshot.SnapshotStore;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

/** {@link SnapshotStore} in the {@code af_snapshots} table: one row per stream, replaced only by a newer version. */
final class JdbcSnapshotStore implements SnapshotStore {
    private final ConnectionPool pool;

    JdbcSnapshotStore(ConnectionPool pool) {
        this.pool = pool;
    }

    @Override
    public void save(Snapshot s) {
        pool.with(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO af_snapshots (stream_id, version, payload,"
                    + " created_ms) VALUES (?, ?, ?, ?) ON CONFLICT (stream_id) DO UPDATE SET version ="
                    + " excluded.version, payload = excluded.payload, created_ms = excluded.created_ms"
                    + " WHERE af_snapshots.version <= excluded.version")) {
                ps.setString(1, s.streamId());
                ps.setLong(2, s.version());
                ps.setBytes(3, s.payload());
                ps.setLong(4, s.timestamp().toEpochMilli());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Optional<Snapshot> load(String streamId) {
        return pool.with(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT version, payload, created_ms FROM af_snapshots WHERE stream_id = ?")) {
                ps.setString(1, streamId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Snapshot(streamId, rs.getLong(1), rs.getBytes(2),
                            Instant.ofEpochMilli(rs.getLong(3))));
                }
            }
        });
    }
}
