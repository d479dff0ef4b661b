package dev.allframe.jdbc;

import dev.allframe.projection.CheckpointStore;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** {@link CheckpointStore} in the {@code af_checkpoints} table. */
final class JdbcCheckpointStore implements CheckpointStore {
    private final ConnectionPool pool;

    JdbcCheckpointStore(ConnectionPool pool) {
        this.pool = pool;
    }

    @Override
    public long load(String name) {
        return pool.with(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT position FROM af_checkpoints WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
        });
    }

    @Override
    public void save(String name, long position) {
        if (position < 0) {
            throw new IllegalArgumentException("checkpoint position (expected >= 0): " + position);
        }
        pool.with(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO af_checkpoints (name, position) VALUES (?, ?)"
                    + " ON CONFLICT (name) DO UPDATE SET position = excluded.position")) {
                ps.setString(1, name);
                ps.setLong(2, position);
                return ps.executeUpdate();
            }
        });
    }
}
