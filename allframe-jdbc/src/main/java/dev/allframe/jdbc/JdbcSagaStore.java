package dev.allframe.jdbc;

import dev.allframe.json.JsonCodecs;
import dev.allframe.saga.SagaState;
import dev.allframe.saga.SagaStore;
import io.avaje.jsonb.Types;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link SagaStore} in the {@code af_sagas} table. */
final class JdbcSagaStore implements SagaStore {
    private static final Type STRING_MAP = Types.mapOf(String.class);
    private static final String COLUMNS = "saga_name, saga_id, status, step, phase, data, deadline_ms, error";

    private final ConnectionPool pool;

    JdbcSagaStore(ConnectionPool pool) {
        this.pool = pool;
    }

    @Override
    public void save(SagaState s) {
        pool.with(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO af_sagas (" + COLUMNS + ") VALUES"
                    + " (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (saga_name, saga_id) DO UPDATE SET status = excluded.status,"
                    + " step = excluded.step, phase = excluded.phase, data = excluded.data,"
                    + " deadline_ms = excluded.deadline_ms, error = excluded.error")) {
                ps.setString(1, s.sagaName());
                ps.setString(2, s.sagaId());
                ps.setString(3, s.status().name());
                ps.setInt(4, s.step());
                ps.setString(5, s.phase().name());
                ps.setString(6, new String(JsonCodecs.defaultCodec().write(s.data()), StandardCharsets.UTF_8));
                if (s.deadline() == null) {
                    ps.setNull(7, java.sql.Types.BIGINT);
                } else {
                    ps.setLong(7, s.deadline().toEpochMilli());
                }
                ps.setString(8, s.error());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Optional<SagaState> load(String sagaName, String sagaId) {
        return pool.with(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM af_sagas WHERE saga_name = ? AND saga_id = ?")) {
                ps.setString(1, sagaName);
                ps.setString(2, sagaId);
                List<SagaState> found = rows(ps);
                return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
            }
        });
    }

    @Override
    public List<SagaState> active(String sagaName) {
        return pool.with(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM af_sagas WHERE saga_name = ? AND status IN ('RUNNING', 'COMPENSATING')")) {
                ps.setString(1, sagaName);
                return rows(ps);
            }
        });
    }

    private static List<SagaState> rows(PreparedStatement ps) throws SQLException {
        List<SagaState> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Map<String, String> data = JsonCodecs.defaultCodec().read(
                        rs.getString(6).getBytes(StandardCharsets.UTF_8), STRING_MAP);
                long deadline = rs.getLong(7);
                Instant deadlineAt = rs.wasNull() ? null : Instant.ofEpochMilli(deadline);
                out.add(new SagaState(rs.getString(1), rs.getString(2), SagaState.Status.valueOf(rs.getString(3)),
                        rs.getInt(4), SagaState.Phase.valueOf(rs.getString(5)), data, deadlineAt, rs.getString(8)));
            }
        }
        return out;
    }
}
