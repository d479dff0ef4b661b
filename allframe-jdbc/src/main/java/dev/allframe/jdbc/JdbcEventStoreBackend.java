package dev.allframe.jdbc;

import dev.allframe.eventstore.ConcurrencyConflictException;
import dev.allframe.eventstore.EventData;
import dev.allframe.eventstore.EventStoreBackend;
import dev.allframe.eventstore.EventStoreException;
import dev.allframe.eventstore.ExpectedVersion;
import dev.allframe.eventstore.RecordedEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@link EventStoreBackend} on SQLite or PostgreSQL. One transaction per append: check the stream's version, insert
 * the rows, commit; a unique {@code (stream_id, version)} backs the check. Appends are serialised (an in-process
 * lock, plus SQLite's write lock or a PostgreSQL advisory lock across processes), so the global order equals the
 * commit order and catch-up readers never skip a late commit.
 */
final class JdbcEventStoreBackend implements EventStoreBackend {
    private static final String COLUMNS = "global_position, stream_id, version, type, payload, metadata, created_ms";

    private final ConnectionPool pool;
    private final Dialect dialect;
    private final Clock clock;
    /* Within one process, queueing appends here is cheaper than letting them contend for the database lock. */
    private final ReentrantLock appendLock = new ReentrantLock(true);
    private volatile int failAfterRows = -1;

    JdbcEventStoreBackend(ConnectionPool pool, Dialect dialect, Clock clock) {
        this.pool = pool;
        this.dialect = dialect;
        this.clock = clock;
    }

    /** Fault injection for atomicity tests: the next append throws after inserting this many rows. */
    void failNextAppendAfter(int rows) {
        this.failAfterRows = rows;
    }

    @Override
    public List<RecordedEvent> append(String streamId, List<EventData> events, ExpectedVersion expected) {
        List<RecordedEvent> out;
        appendLock.lock();
        try {
            out = pool.inTransaction(c -> insert(c, streamId, events, expected));
        } catch (EventStoreException e) {
            if (e.getCause() instanceof SQLException sql && isUniqueViolation(sql)) {
                // Another process won the race between our version check and insert.
                throw new ConcurrencyConflictException(streamId, expected, version(streamId));
            }
            throw e;
        } finally {
            appendLock.unlock();
        }
        return out;
    }

    private List<RecordedEvent> insert(Connection c, String streamId, List<EventData> events, ExpectedVersion expected)
            throws SQLException {
        if (dialect.appendLock != null) {
            try (Statement s = c.createStatement()) {
                s.execute(dialect.appendLock);
            }
        }
        long current = currentVersion(c, streamId);
        if (!expected.matches(current)) {
            throw new ConcurrencyConflictException(streamId, expected, current);
        }
        Instant now = Instant.ofEpochMilli(clock.millis());
        List<RecordedEvent> out = new ArrayList<>(events.size());
        int failAfter = failAfterRows;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO af_events (stream_id, version, type, payload,"
                + " metadata, created_ms) VALUES (?, ?, ?, ?, ?, ?) RETURNING global_position")) {
            for (EventData e : events) {
                if (out.size() == failAfter) {
                    failAfterRows = -1;
                    throw new SQLException("injected failure after " + failAfter + " inserted rows");
                }
                long version = ++current;
                ps.setString(1, streamId);
                ps.setLong(2, version);
                ps.setString(3, e.type());
                ps.setBytes(4, e.payload());
                ps.setString(5, MetadataCodec.write(e.metadata()));
                ps.setLong(6, now.toEpochMilli());
                long position;
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    position = rs.getLong(1);
                }
                out.add(new RecordedEvent(streamId, version, position, e.type(), e.payload(), e.metadata(), now));
            }
        }
        return List.copyOf(out);
    }

    private static long currentVersion(Connection c, String streamId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COALESCE(MAX(version), 0) FROM af_events WHERE stream_id = ?")) {
            ps.setString(1, streamId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static boolean isUniqueViolation(SQLException e) {
        String state = e.getSQLState();
        String message = e.getMessage() == null ? "" : e.getMessage();
        return "23505".equals(state) || message.contains("UNIQUE constraint failed");
    }

    @Override
    public List<RecordedEvent> read(String streamId, long fromVersion) {
        return pool.with(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM af_events WHERE stream_id = ? AND version >= ? ORDER BY version")) {
                ps.setString(1, streamId);
                ps.setLong(2, fromVersion);
                return rows(ps);
            }
        });
    }

    @Override
    public List<RecordedEvent> readAll(long fromGlobalPosition, int maxCount) {
        return pool.with(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM af_events WHERE global_position >= ? ORDER BY global_position LIMIT ?")) {
                ps.setLong(1, fromGlobalPosition);
                ps.setInt(2, maxCount);
                return rows(ps);
            }
        });
    }

    private static List<RecordedEvent> rows(PreparedStatement ps) throws SQLException {
        List<RecordedEvent> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new RecordedEvent(rs.getString(2), rs.getLong(3), rs.getLong(1), rs.getString(4),
                        rs.getBytes(5), MetadataCodec.read(rs.getString(6)), Instant.ofEpochMilli(rs.getLong(7))));
            }
        }
        return out;
    }

    @Override
    public long version(String streamId) {
        return pool.with(c -> currentVersion(c, streamId));
    }

    @Override
    public void close() {
        pool.close();
    }
}
