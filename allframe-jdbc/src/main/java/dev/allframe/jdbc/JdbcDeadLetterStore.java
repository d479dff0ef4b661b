package dev.allframe.jdbc;

import dev.allframe.projection.DeadLetterStore;
import dev.allframe.projection.ParkedEvent;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@link DeadLetterStore} in the {@code af_dead_letters} table, one row per {@code (consumer, stream_id, version)};
 * parking an event again is one upsert that adds its attempts to the row's.
 */
final class JdbcDeadLetterStore implements DeadLetterStore {
    private final ConnectionPool pool;

    JdbcDeadLetterStore(ConnectionPool pool) {
        this.pool = pool;
    }

    @Override
    public void park(ParkedEvent e) {
        Objects.requireNonNull(e, "event");
        pool.with(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO af_dead_letters (consumer, stream_id, version,"
                    + " global_position, type, payload, error_class, error_message, attempts, parked_ms)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (consumer, stream_id, version) DO UPDATE SET"
                    + " global_position = excluded.global_position, type = excluded.type, payload = excluded.payload,"
                    + " error_class = excluded.error_class, error_message = excluded.error_message,"
                    + " attempts = af_dead_letters.attempts + excluded.attempts, parked_ms = excluded.parked_ms")) {
                ps.setString(1, e.consumer());
                ps.setString(2, e.streamId());
                ps.setLong(3, e.version());
                ps.setLong(4, e.globalPosition());
                ps.setString(5, e.type());
                ps.setBytes(6, e.payload());
                ps.setString(7, e.errorClass());
                ps.setString(8, e.errorMessage());
                ps.setInt(9, e.attempts());
                ps.setLong(10, e.parkedAt().toEpochMilli());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public List<ParkedEvent> list(String consumer) {
        Objects.requireNonNull(consumer, "consumer");
        return pool.with(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT global_position, stream_id, version, type, payload,"
                    + " error_class, error_message, attempts, parked_ms FROM af_dead_letters WHERE consumer = ?"
                    + " ORDER BY global_position, stream_id, version")) {
                ps.setString(1, consumer);
                List<ParkedEvent> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ParkedEvent(consumer, rs.getLong(1), rs.getString(2), rs.getLong(3),
                                rs.getString(4), rs.getBytes(5), rs.getString(6), rs.getString(7), rs.getInt(8),
                                Instant.ofEpochMilli(rs.getLong(9))));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public boolean remove(String consumer, String streamId, long version) {
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(streamId, "streamId");
        return pool.with(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM af_dead_letters WHERE consumer = ?"
                    + " AND stream_id = ? AND version = ?")) {
                ps.setString(1, consumer);
                ps.setString(2, streamId);
                ps.setLong(3, version);
                return ps.executeUpdate() > 0;
            }
        });
    }
}
